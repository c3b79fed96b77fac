import type { CommonFields } from "./fields.ts";
import type { RecordKind } from "./kind.ts";
import { postKind } from "./post/kind.ts";
import { productKind } from "./product/kind.ts";

// biome-ignore lint/suspicious/noExplicitAny: kinds with different copy types in one list
export type AnyKind = RecordKind<any, CommonFields>;

/** Every kind of record copydesk keeps; tools, resources, prompts and instructions follow from this list. */
export const KINDS: readonly AnyKind[] = [postKind, productKind];
