import { z } from "zod";
import type { AnyKind } from "../../../kinds/index.ts";
import { copyContext } from "../../../services/copy-context.ts";
import { presentRecord } from "../../../services/present-record.ts";
import { briefFor } from "../../../services/produce-copy.ts";
import { recordText } from "../../../services/record-text.ts";
import { type StoreCopyView, storeCopies } from "../../../services/store-copy-view.ts";
import { type AnyTool, defineTool } from "../define-tool.ts";
import { pendingFor, pendingSchema, writingBriefText } from "../host-model.ts";
import { findRecord } from "./find.ts";
import { idField } from "./id-field.ts";
import { recordSchema } from "./record-schema.ts";
import { storeCopySchema } from "./store-copy-schema.ts";

/** get_product, get_post: a record with its latest copy, or an earlier version. */
export function getTool(kind: AnyKind): AnyTool {
  // Products come from store files, so only they have a store copy to compare with.
  const compares = kind.name === "product";
  return defineTool({
    name: kind.tools.get,
    title: `Get ${kind.noun}`,
    description:
      `Get one stored ${kind.noun} by id with its copy (the latest version, or the one asked for), the checks ` +
      `run on it and the model that wrote it` +
      (compares ? ", and the copy the store has now (imported) with the fields the new copy changes" : "") +
      ". For a draft, also the brief for writing its copy.",
    inputSchema: {
      id: idField(kind),
      version: z
        .number()
        .int("version must be a whole number")
        .min(1, "version must be at least 1")
        .optional()
        .describe(`A version number from ${kind.tools.versions}; default: the latest`),
    },
    outputSchema: {
      [kind.key]: recordSchema(kind),
      ...(compares ? { storeCopy: storeCopySchema } : {}),
      pending: pendingSchema.optional(),
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
    async handle({ id, version }, deps) {
      const store = deps.store();
      const found = findRecord(kind, store, id, version);
      const storeCopy = compares ? (storeCopies(store, [found]).get(found.seq) ?? null) : undefined;
      if (found.current) {
        return {
          structured: { [kind.key]: presentRecord(kind, found), ...(compares ? { storeCopy } : {}) },
          text: `${recordText(kind, found)}${storeCopyText(storeCopy ?? null)}`,
        };
      }
      const handOff = {
        kind,
        id: found.id,
        brief: briefFor(kind, found, { context: copyContext(kind, found, deps) }),
      };
      return {
        structured: {
          [kind.key]: presentRecord(kind, found),
          ...(compares ? { storeCopy } : {}),
          pending: pendingFor(handOff),
        },
        text: `${recordText(kind, found)}\n\n${writingBriefText(handOff, "when asked")}`,
      };
    },
  });
}

function storeCopyText(view: StoreCopyView | null): string {
  if (view === null) return "";
  const from =
    view.source === "import" ? `the store file (import ${view.importId})` : "the description given";
  return view.changes.length > 0
    ? `\nAgainst the store's copy in ${from}, this copy changes: ${view.changes.join(", ")}.`
    : `\nThe same as the store's copy in ${from}.`;
}
