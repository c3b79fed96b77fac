import { z } from "zod";
import type { AnyKind } from "../../../kinds/index.ts";
import { copyContext } from "../../../services/copy-context.ts";
import { presentRecord } from "../../../services/present-record.ts";
import { recordText } from "../../../services/record-text.ts";
import { type AnyTool, defineTool } from "../define-tool.ts";
import { addVersion } from "./add-version.ts";
import { findRecord } from "./find.ts";
import { idField } from "./id-field.ts";
import { recordSchema } from "./record-schema.ts";

/** restore_product_version, restore_post_version: an earlier copy back, as a new version. */
export function restoreTool(kind: AnyKind): AnyTool {
  return defineTool({
    name: kind.tools.restore,
    title: `Restore ${kind.noun} version`,
    description:
      `Bring back an earlier version of a stored ${kind.noun}'s copy. Restoring is itself a new version, so ` +
      "nothing is lost; the checks run again on the restored copy.",
    inputSchema: {
      id: idField(kind),
      version: z
        .number()
        .int("version must be a whole number")
        .min(1, "version must be at least 1")
        .describe(`The version to bring back, from ${kind.tools.versions}`),
    },
    outputSchema: { [kind.key]: recordSchema(kind) },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    async handle({ id, version }, deps) {
      const store = deps.store();
      const old = findRecord(kind, store, id, version).current;
      if (!old) throw new Error(`version ${version} of ${id} has no copy`);
      const record = findRecord(kind, store, id);
      const saved = addVersion(
        kind,
        store,
        record.id,
        {
          source: "restored",
          restoredFrom: old.version,
          instructions: null,
          checks: kind.checks(old.copy, record, copyContext(kind, record, deps)),
          copy: old.copy,
          model: old.model,
          stopReason: old.stopReason,
          route: old.route,
        },
        deps,
      );
      return {
        structured: { [kind.key]: presentRecord(kind, saved) },
        text: `Restored version ${old.version} as ${recordText(kind, saved)}`,
      };
    },
  });
}
