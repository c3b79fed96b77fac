import { z } from "zod";
import type { AnyKind } from "../../../kinds/index.ts";
import { copyContext } from "../../../services/copy-context.ts";
import { presentRecord } from "../../../services/present-record.ts";
import { briefFor, produceCopy, storedImage, writtenVersion } from "../../../services/produce-copy.ts";
import { recordText } from "../../../services/record-text.ts";
import { type AnyTool, defineTool } from "../define-tool.ts";
import { pendingFor, pendingSchema, writingBriefText } from "../host-model.ts";
import { truncationNote } from "../notes.ts";
import { addVersion } from "./add-version.ts";
import { findRecord } from "./find.ts";
import { idField } from "./id-field.ts";
import { recordSchema } from "./record-schema.ts";

/** revise_product, revise_post: a new version written from the current one and the user's instructions. */
export function reviseTool(kind: AnyKind): AnyTool {
  return defineTool({
    name: kind.tools.revise,
    title: `Revise ${kind.noun}`,
    description:
      `Write a new version of a stored ${kind.noun}'s copy from its current one and your instructions ` +
      '(e.g. "shorter", "mention it is microwave safe", "more formal"). Earlier versions are kept; ' +
      `${kind.tools.restore} brings one back.`,
    inputSchema: {
      id: idField(kind),
      instructions: z
        .string()
        .trim()
        .min(1, "instructions must not be empty")
        .max(2000, "instructions must be at most 2000 characters")
        .describe(
          'What to change, e.g. "shorter" or "mention it is microwave safe" (at most 2000 characters)',
        ),
    },
    outputSchema: {
      [kind.key]: recordSchema(kind),
      truncated: z.boolean().describe("True when the model hit its token limit and the copy may be cut off"),
      pending: pendingSchema.optional(),
    },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    async handle({ id, instructions }, deps, call) {
      const store = deps.store();
      const record = findRecord(kind, store, id);
      const context = copyContext(kind, record, deps);
      const image = storedImage(record, store);
      const options = {
        context,
        image,
        ...(record.current
          ? { revision: { copy: JSON.parse(kind.show(record.current.copy)), instructions } }
          : {}),
      };
      const outcome = await produceCopy(kind, record, options, deps, call);
      if (outcome.result === "host-model") {
        const handOff = {
          kind,
          id: record.id,
          brief: briefFor(kind, record, { ...options, image: undefined }),
        };
        return {
          structured: {
            [kind.key]: presentRecord(kind, record),
            truncated: false,
            pending: pendingFor(handOff),
          },
          text: `${outcome.reason}, so the calling model writes the revision.\n\n${writingBriefText(handOff)}`,
        };
      }
      const { generation } = outcome;
      const saved = addVersion(
        kind,
        store,
        record.id,
        writtenVersion(outcome, { source: "revised", instructions }),
        deps,
      );
      return {
        structured: { [kind.key]: presentRecord(kind, saved), truncated: generation.truncated },
        text: `Revised ${kind.noun} ${recordText(kind, saved)}${truncationNote(generation.truncated, "copy")}`,
      };
    },
  });
}
