import type { CommonFields } from "./fields.ts";
import type { RecordKind } from "./kind.ts";

/** Any one kind, whatever its copy: what the tools, resources and prompts take. The list is all/index.ts. */
// biome-ignore lint/suspicious/noExplicitAny: kinds with different copy types in one list
export type AnyKind = RecordKind<any, CommonFields>;
