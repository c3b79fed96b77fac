import type { AnyKind } from "../../../kinds/index.ts";
import { copyContext } from "../../../services/copy-context.ts";
import { TextRejectedError } from "../../../services/failures.ts";
import { presentRecord } from "../../../services/present-record.ts";
import { cleanReply } from "../../../text/clean-reply.ts";
import { cleanStrings } from "../../../text/clean-strings.ts";
import { type AnyTool, defineTool } from "../define-tool.ts";
import { HOST_MODEL_UNREPORTED } from "../host-model.ts";
import { LIMITS, reportedModel, writtenText } from "../schemas.ts";
import { addVersion } from "./add-version.ts";
import { findRecord } from "./find.ts";
import { idField } from "./id-field.ts";
import { recordSchema } from "./record-schema.ts";
import { nextStep, savedLine, savedOf } from "./saved-output.ts";
import { settleJob } from "./settle-job.ts";

/** save_product_description, save_blog_abstract: copydesk 0.1's single-text save, kept working. */
export function saveMainTextTool(kind: AnyKind): AnyTool {
  const field = kind.mainField;
  return defineTool({
    name: kind.legacySave.name,
    title: kind.legacySave.title,
    description: kind.legacySave.description,
    inputSchema: {
      id: idField(kind),
      [field]: writtenText(field).describe(
        `The ${field}, text only (at most ${LIMITS.writtenText} characters)`,
      ),
      model: reportedModel,
    },
    outputSchema: { [kind.key]: recordSchema(kind) },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    async handle(input, deps) {
      const id = String(input.id);
      const text = cleanReply(cleanStrings(String(input[field])));
      if (text === "") {
        throw new TextRejectedError(
          `The ${field} is empty once its preamble is removed: send the ${field} itself.`,
        );
      }
      const store = deps.store();
      const record = findRecord(kind, store, id);
      const copy = kind.withMainText(record.current?.copy, text);
      // Like save_*_copy: a job that still waits for this record counts the save, so resume_job skips it.
      const jobId = store.jobs.waitingFor(record.seq);
      const saved = addVersion(
        kind,
        store,
        record.id,
        {
          source: "saved",
          instructions: null,
          checks: kind.checks(copy, record, copyContext(kind, record, deps)),
          copy,
          model: cleanStrings(input.model as string | undefined) || HOST_MODEL_UNREPORTED,
          stopReason: null,
          route: "host-model",
          ...(jobId === undefined ? {} : { jobId }),
        },
        deps,
      );
      return {
        structured: { [kind.key]: presentRecord(kind, saved) },
        text: [
          `Saved the ${field}:`,
          savedLine(saved),
          nextStep(kind, [savedOf(saved)], [], jobId === undefined ? undefined : settleJob(deps, jobId)),
        ].join("\n"),
      };
    },
  });
}
