import { cleanStrings } from "../../copywriting/clean-strings.ts";
import type { AnyKind } from "../../kinds/index.ts";
import { type AnyTool, defineTool } from "../define-tool.ts";
import { HOST_MODEL_UNREPORTED } from "../host-model.ts";
import { recordId, reportedModel } from "../schemas.ts";
import { addVersion } from "./add-version.ts";
import { copyContext } from "./context.ts";
import { findRecord } from "./find.ts";
import { presentRecord, recordSchema, recordText } from "./record-output.ts";

/** save_product_copy, save_post_copy: the calling model's (or a person's) copy, checked, as a new version. */
export function saveCopyTool(kind: AnyKind): AnyTool {
  return defineTool({
    name: kind.tools.saveCopy,
    title: `Save ${kind.noun} copy`,
    description:
      `Save copy you wrote for a stored ${kind.noun} as its new version: completes a draft left by ` +
      `${kind.tools.create} when no model could be asked, or replaces the copy (earlier versions are kept). ` +
      "The same checks run as on generated copy, and the result reports them.",
    inputSchema: {
      id: recordId("id").describe(
        `The ${kind.noun}'s id, as returned by ${kind.tools.create} or ${kind.tools.list}`,
      ),
      copy: kind.copyInput.describe("The copy, every field filled, in the shape the brief gives"),
      model: reportedModel,
    },
    outputSchema: { [kind.key]: recordSchema(kind) },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    async handle({ id, copy: given, model }, deps) {
      const store = deps.store();
      const record = findRecord(kind, store, id);
      const copy = kind.finish(cleanStrings(given));
      const checks = kind.checks(copy, record, copyContext(record, store));
      const saved = addVersion(
        kind,
        store,
        record.id,
        {
          source: "saved",
          instructions: null,
          checks,
          copy,
          model: cleanStrings(model) || HOST_MODEL_UNREPORTED,
          stopReason: null,
          route: "host-model",
        },
        deps,
      );
      return {
        structured: { [kind.key]: presentRecord(kind, saved) },
        text: `Saved ${kind.noun} ${recordText(kind, saved)}`,
      };
    },
  });
}
