import type { RecordKind } from "./kind.ts";
import { POST } from "./post.ts";
import { PRODUCT } from "./product.ts";

// biome-ignore lint/suspicious/noExplicitAny: kinds with different copy types in one list
export type AnyKind = RecordKind<any>;

/** Every kind of record copydesk keeps; tools, resources and instructions follow from this list. */
export const KINDS: readonly AnyKind[] = [POST, PRODUCT];
