import { type CallContext, capitalize } from "../sampling/generation.ts";
import type { Provenance, Store } from "../store/records.ts";
import type { WritingBrief } from "../writing/brief.ts";
import type { ToolDeps } from "./define-tool.ts";
import { pendingFor, writingBriefText } from "./host-model.ts";
import { truncationNote } from "./notes.ts";
import type { RecordKind } from "./record-kinds.ts";
import { saveOrKeep } from "./save.ts";

export interface Written<R> {
  readonly record: R;
  readonly truncated: boolean;
  /** Present when the calling model is to write the text (the record is a draft). */
  readonly pending?: ReturnType<typeof pendingFor>;
  /** The result for a person. */
  readonly text: string;
}

/** The shared part of create_blog and create_product: get the text written, then store the record. */
export async function writeAndStore<R extends { id: string; title: string; model: string | null }>(options: {
  readonly kind: RecordKind<R>;
  readonly brief: WritingBrief;
  readonly deps: ToolDeps;
  readonly call: CallContext;
  /** Stores the record with this text (null: a draft) and provenance. */
  readonly insert: (store: Store, text: string | null, provenance: Provenance) => R;
}): Promise<Written<R>> {
  const { kind, brief, deps, call, insert } = options;
  // Open the store first: a broken data folder should fail before the user approves a request.
  const store = deps.store();
  const outcome = await deps.writer.write(brief, call);
  if (outcome.kind === "host-model") {
    const draft = insert(store, null, { model: null, stopReason: null, route: "host-model" });
    deps.resourcesChanged();
    deps.logger.info(
      `Stored draft ${kind.noun} ${draft.id}: ${outcome.reason}; the calling model writes the ${kind.what}`,
    );
    const handOff = { what: kind.what, id: draft.id, saveWith: kind.saveWith, brief };
    return {
      record: draft,
      truncated: false,
      pending: pendingFor(handOff),
      text: `Saved ${kind.noun} "${draft.title}" as a draft (id ${draft.id}): ${outcome.reason}.\n\n${writingBriefText(handOff)}`,
    };
  }
  const { generation } = outcome;
  const { model, stopReason, route } = generation;
  const stored = saveOrKeep(kind.what, generation.text, () =>
    insert(store, generation.text, { model, stopReason, route }),
  );
  deps.resourcesChanged();
  deps.logger.debug(`Stored ${kind.noun} ${stored.id}`);
  return {
    record: stored,
    truncated: generation.truncated,
    text:
      `Created ${kind.noun} "${stored.title}" (id ${stored.id}, ${kind.uri}${stored.id}).\n\n` +
      `${capitalize(kind.what)}, written by ${stored.model}:\n${generation.text}${truncationNote(generation.truncated, kind.what)}`,
  };
}

/** Leaves `pending` out rather than setting it to undefined, for the output schema. */
export function withPending<T extends object>(structured: T, written: Written<unknown>): T {
  return written.pending ? { ...structured, pending: written.pending } : structured;
}
