import { z } from "zod";
import type { AnyKind } from "../../../kinds/index.ts";
import { copyContext } from "../../../services/copy-context.ts";
import { presentRecord } from "../../../services/present-record.ts";
import { briefFor, produceCopy, writtenVersion } from "../../../services/produce-copy.ts";
import { recordText } from "../../../services/record-text.ts";
import { saveOrKeep } from "../../../services/save-or-keep.ts";
import { cleanStrings } from "../../../text/clean-strings.ts";
import { type AnyTool, defineTool } from "../define-tool.ts";
import { pendingFor, pendingSchema, writingBriefText } from "../host-model.ts";
import { truncationNote } from "../notes.ts";
import { recordSchema } from "./record-schema.ts";

/** create_product, create_blog: store a record and get its copy written, checked and stored as version 1. */
export function createTool(kind: AnyKind): AnyTool {
  return defineTool({
    name: kind.tools.create,
    title: kind.create.title,
    description: kind.create.description,
    inputSchema: kind.create.input,
    outputSchema: {
      [kind.key]: recordSchema(kind).describe(`The stored ${kind.noun}`),
      truncated: z.boolean().describe("True when the model hit its token limit and the copy may be cut off"),
      requests: z
        .number()
        .int()
        .optional()
        .describe("How many requests the model got (a repair or a retry for failed checks adds one)"),
      pending: pendingSchema.optional(),
    },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    async handle(input, deps, call) {
      // Open the store first: a broken data folder should fail before the user approves a request.
      const store = deps.store();
      const draft = kind.recordFrom(cleanStrings(input));
      // The image is fetched and checked before anyone is asked to write.
      const image =
        typeof input.image === "string" ? await deps.loadImage(input.image, call.signal) : undefined;
      const context = copyContext(kind, draft, deps);
      const record = {
        ...draft,
        input: {
          ...draft.input,
          // What chose the language is kept with it: a revision chooses again unless the call asked.
          language: context.language,
          language_source: context.languageSource,
          ...(image
            ? { image: { source: image.source, sha256: image.sha256, mimeType: image.mimeType } }
            : {}),
        },
      };
      const outcome = await produceCopy(
        kind,
        record,
        { context, image: image && { mimeType: image.mimeType, data: image.data } },
        deps,
        call,
      );
      const keepImage = () => {
        if (image)
          store.putImage({
            sha256: image.sha256,
            mimeType: image.mimeType,
            data: Buffer.from(image.data, "base64"),
          });
      };
      if (outcome.result === "host-model") {
        keepImage();
        const stored = store.create(kind.name, record);
        deps.resourcesChanged();
        deps.logger.info(
          `Stored draft ${kind.noun} ${stored.id}: ${outcome.reason}; the calling model writes the copy`,
        );
        const handOff = { kind, id: stored.id, brief: briefFor(kind, stored, { context }) };
        return {
          structured: {
            [kind.key]: presentRecord(kind, stored),
            truncated: false,
            pending: pendingFor(handOff),
          },
          text: `Saved ${kind.noun} "${stored.title}" as a draft (id ${stored.id}): ${outcome.reason}.\n\n${writingBriefText(handOff)}`,
        };
      }
      const { generation, copy } = outcome;
      const stored = saveOrKeep("copy", kind.show(copy), () => {
        keepImage();
        return store.create(kind.name, record, writtenVersion(outcome, { source: "generated" }));
      });
      deps.resourcesChanged();
      deps.logger.debug(`Stored ${kind.noun} ${stored.id}`);
      return {
        structured: {
          [kind.key]: presentRecord(kind, stored),
          truncated: generation.truncated,
          requests: outcome.requests,
        },
        text: `Created ${kind.noun} ${recordText(kind, stored)}${truncationNote(generation.truncated, "copy")}`,
      };
    },
  });
}
