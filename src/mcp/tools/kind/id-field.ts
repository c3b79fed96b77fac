import type { AnyKind } from "../../../kinds/index.ts";
import { recordId } from "../schemas.ts";

/** The `id` input every tool of a kind takes, described once. */
export function idField(kind: AnyKind) {
  return recordId("id").describe(
    `The ${kind.noun}'s id, as returned by ${kind.tools.create} or ${kind.tools.list}`,
  );
}
