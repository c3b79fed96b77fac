import type { BriefImage, WritingBrief } from "../kinds/brief.ts";
import type { AnyKind } from "../kinds/index.ts";
import type { CopyContext } from "../kinds/kind.ts";
import type { CallContext } from "../llm/generation.ts";
import { readCopy } from "../llm/read-copy.ts";
import { readProse } from "../llm/read-prose.ts";
import type { Writer } from "../llm/router.ts";
import { type CopyOutcome, writeCopy } from "../llm/write-copy.ts";
import type { Logger } from "../platform/logger.ts";
import type { NewRecord, NewVersion, Store } from "../store/records.ts";

export interface ProduceOptions {
  readonly context: CopyContext;
  readonly image?: BriefImage | undefined;
  readonly revision?: { readonly copy: Readonly<Record<string, unknown>>; readonly instructions: string };
}

/** A record's image as the model gets it again (a revision, a job), from the store. */
export function storedImage(record: NewRecord, store: Store): BriefImage | undefined {
  const sha = (record.input.image as { sha256?: string } | undefined)?.sha256;
  const kept = sha ? store.getImage(sha) : undefined;
  return kept && { mimeType: kept.mimeType, data: Buffer.from(kept.data).toString("base64") };
}

/** The brief for a record, as the model (or, on the host-model route, the calling model) gets it. */
export function briefFor(kind: AnyKind, record: NewRecord, options: ProduceOptions): WritingBrief {
  const image = record.input.image as { source?: string } | undefined;
  return kind.brief(record, {
    brand: options.context.brand,
    language: options.context.language,
    image: options.image,
    imageSource: image?.source,
    ...(options.revision ? { revision: options.revision } : {}),
  });
}

/** Who writes the copy, and where its retries and checks are logged. */
export interface ProduceDeps {
  readonly writer: Writer;
  readonly logger: Logger;
}

/** Gets a record's copy written, read, checked and (once) retried: the same for every kind and route. */
export function produceCopy(
  kind: AnyKind,
  record: NewRecord,
  options: ProduceOptions,
  deps: ProduceDeps,
  call: CallContext,
): Promise<CopyOutcome<Record<string, unknown>>> {
  return writeCopy(
    {
      brief: briefFor(kind, record, options),
      read: (reply) =>
        readCopy(reply, kind.copyInput, (parsed) => kind.finish(parsed as Record<string, unknown>)),
      prose: (reply) => {
        const text = readProse(reply);
        // Prose longer than the main field takes is no copy either: it is asked for again as JSON.
        if (text === undefined || !kind.copyInput.shape[kind.mainField]?.safeParse(text).success)
          return undefined;
        // A revision in prose changes the main text and keeps the rest of the copy it revised.
        return kind.withMainText(options.revision?.copy, text);
      },
      check: (copy) => kind.checks(copy, record, options.context),
      show: (copy) => kind.show(copy),
    },
    deps.writer,
    call,
    deps.logger,
  );
}

/** The version that stores written copy, with how it was written. */
export function writtenVersion(
  outcome: Extract<CopyOutcome<Record<string, unknown>>, { result: "written" }>,
  how: { readonly source: "generated" | "revised"; readonly instructions?: string; readonly jobId?: string },
): NewVersion {
  const { generation, copy, checks } = outcome;
  return {
    source: how.source,
    instructions: how.instructions ?? null,
    checks,
    copy,
    model: generation.model,
    stopReason: generation.stopReason,
    route: generation.route,
    ...(how.jobId ? { jobId: how.jobId } : {}),
  };
}
