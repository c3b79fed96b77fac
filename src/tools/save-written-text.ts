import { cleanReply } from "../sampling/clean-reply.ts";
import type { Provenance, Store } from "../store/records.ts";
import type { ToolDeps } from "./define-tool.ts";
import { NotFoundError, TextRejectedError } from "./failures.ts";
import { HOST_MODEL_UNREPORTED } from "./host-model.ts";
import type { RecordKind } from "./record-kinds.ts";

/** The shared part of the save tools: clean the calling model's text and store it on the record. */
export function saveWrittenText<R extends { id: string; title: string }>(options: {
  readonly kind: RecordKind<R>;
  readonly id: string;
  readonly text: string;
  readonly model: string | undefined;
  readonly deps: ToolDeps;
  /** Stores the text; undefined when there is no such record. */
  readonly save: (store: Store, id: string, text: string, provenance: Provenance) => R | undefined;
}): { record: R; text: string } {
  const { kind, id, model, deps, save } = options;
  const text = cleanReply(options.text);
  if (text === "") {
    throw new TextRejectedError(
      `The ${kind.what} is empty once its preamble is removed: send the ${kind.what} itself.`,
    );
  }
  const provenance = { model: model || HOST_MODEL_UNREPORTED, stopReason: null, route: "host-model" };
  const saved = save(deps.store(), id, text, provenance);
  if (!saved)
    throw new NotFoundError(`There is no ${kind.noun} with id "${id}". ${kind.listWith} shows the ids.`);
  deps.resourcesChanged();
  deps.logger.debug(`Saved the ${kind.what} of ${kind.noun} ${saved.id}`);
  return {
    record: saved,
    text: `Saved the ${kind.what} of "${saved.title}" (id ${saved.id}, ${kind.uri}${saved.id}):\n${text}`,
  };
}
