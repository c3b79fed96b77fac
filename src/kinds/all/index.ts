import type { AnyKind } from "../index.ts";
import { postKind } from "../post/kind.ts";
import { productKind } from "../product/kind.ts";

/**
 * Every kind of record copydesk keeps; tools, resources, prompts and instructions follow from this list.
 * It is a folder of its own because it imports the kind folders, which import the shared parts in
 * src/kinds: there it would make a folder cycle (docs/architecture.md).
 */
export const KINDS: readonly AnyKind[] = [postKind, productKind];
