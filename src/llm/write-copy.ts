import { type Check, compareChecks, failedChecks } from "../checks/index.ts";
import type { WritingBrief } from "../kinds/brief.ts";
import type { Logger } from "../platform/logger.ts";
import { GenerationError } from "./errors.ts";
import type { CallContext, Generation } from "./generation.ts";
import { ProviderError } from "./providers/errors.ts";
import type { ReadResult } from "./read-copy.ts";
import type { Writer } from "./router.ts";

export interface CopyRequest<C> {
  readonly brief: WritingBrief;
  /** Reads a reply as this kind's copy. */
  readonly read: (reply: string) => ReadResult<C>;
  /**
   * Reads a reply with no JSON object in it as prose: the main text, the other fields as the revised copy
   * has them, else empty (the checks then name them). Undefined when the prose is no copy (a refusal, a
   * question, nothing).
   */
  readonly prose?: (reply: string) => C | undefined;
  readonly check: (copy: C) => Check[];
  /** The copy as the model should see it again in a follow-up (without fields code makes). */
  readonly show: (copy: C) => string;
}

export type CopyOutcome<C> =
  | {
      readonly result: "written";
      readonly copy: C;
      readonly checks: Check[];
      readonly generation: Generation;
      /** Requests made: 1, plus a repair and a retry for failed checks when needed. */
      readonly requests: number;
      /** The reply was prose, kept as the main text: the other fields are empty and not asked for again. */
      readonly prose: boolean;
      /** Tokens of every request made, as far as the route reported them. */
      readonly usage: { readonly input: number; readonly output: number };
    }
  /** Nobody here can write: the tool hands the brief to the calling model. */
  | { readonly result: "host-model"; readonly reason: string };

/** The part of an earlier reply quoted back in a follow-up: enough for the model to see what it did. */
const QUOTED_REPLY = 8000;

/**
 * One structured path for every route: ask, read the reply as JSON copy, ask once to repair a reply that
 * does not validate, run the checks, and ask once more when a check fails, keeping the better copy.
 * A reply in usable prose instead of JSON is kept as the main text (the rest empty and flagged by the
 * checks) and not asked for again, nor retried for its checks: the model has said what it will write, and
 * the person who reviews it fills in the rest.
 */
export async function writeCopy<C>(
  request: CopyRequest<C>,
  writer: Writer,
  call: CallContext,
  logger: Logger,
): Promise<CopyOutcome<C>> {
  const { brief } = request;
  const first = await writer.write(brief, call);
  if (first.result === "host-model") return first;
  let generation = first.generation;
  let requests = 1;
  const usage = { input: 0, output: 0 };
  const count = (used: Generation) => {
    usage.input += used.usage?.input ?? 0;
    usage.output += used.usage?.output ?? 0;
  };
  count(generation);
  // The provider's reply was checked for the key, but cleaning (invisibles dropped, JSON escapes decoded)
  // can rebuild one: what is about to be stored is checked again, as it will be stored.
  const leaks = (copy: C, reply: Generation) => writer.carriesKey(storedText(copy, reply));
  const admit = (
    outcome: Extract<CopyOutcome<C>, { result: "written" }>,
  ): Extract<CopyOutcome<C>, { result: "written" }> => {
    if (!leaks(outcome.copy, outcome.generation)) return outcome;
    throw new ProviderError(
      "bad-response",
      `The ${brief.label} from the model carried the provider's API key once cleaned, so copydesk refused it rather than store or show it. Try again; if it keeps happening, check what serves --provider-url.`,
    );
  };
  const asProse = (
    reply: Generation,
    problems: ReadResult<C>,
  ): Extract<CopyOutcome<C>, { result: "written" }> | undefined => {
    if (problems.ok || problems.attempted || !request.prose) return undefined;
    const copy = request.prose(reply.text);
    if (copy === undefined) return undefined;
    logger.warning(
      `The ${brief.label} from ${reply.model} was prose, not JSON: kept as the main text, the other fields left empty for review`,
    );
    return admit({
      result: "written",
      copy,
      checks: request.check(copy),
      generation: reply,
      requests,
      usage,
      prose: true,
    });
  };
  let read = request.read(generation.text);
  if (!read.ok) {
    const prose = asProse(generation, read);
    if (prose) return prose;
    logger.warning(
      `The ${brief.label} from ${generation.model} was not usable (${read.problems}); asking once more`,
    );
    const repair = await writer.write(
      followUp(brief, generation.text, repairRequest(read.problems, generation.truncated)),
      call,
    );
    requests++;
    if (repair.result === "host-model") return repair;
    count(repair.generation);
    const second = request.read(repair.generation.text);
    if (!second.ok) {
      const prose = asProse(repair.generation, second);
      if (prose) return prose;
      throw new GenerationError(
        "invalid",
        `The model (${repair.generation.model}) did not reply with usable ${brief.label} twice, so nothing was ` +
          `stored. First reply: ${read.problems}. Second reply: ${second.problems}. Try again, or choose another model.`,
      );
    }
    generation = repair.generation;
    read = second;
  }
  let copy = read.copy;
  let checks = request.check(copy);
  const failed = failedChecks(checks);
  if (failed.length > 0) {
    logger.info(`The ${brief.label} failed ${failed.map((c) => c.check).join(", ")}; asking once more`);
    try {
      const retry = await writer.write(followUp(brief, request.show(copy), checksRequest(failed)), call);
      requests++;
      if (retry.result === "written") count(retry.generation);
      const again = retry.result === "written" ? request.read(retry.generation.text) : undefined;
      if (retry.result === "written" && again?.ok && leaks(again.copy, retry.generation)) {
        logger.warning(`The retry for failed checks carried the provider's API key; keeping the first`);
      } else if (retry.result === "written" && again?.ok) {
        const againChecks = request.check(again.copy);
        if (compareChecks(againChecks, checks) < 0) {
          copy = again.copy;
          checks = againChecks;
          generation = retry.generation;
        }
      } else {
        logger.warning(`The retry for failed checks gave no usable ${brief.label}; keeping the first`);
      }
    } catch (error) {
      // The first copy is valid: a failed retry (through sampling or a provider) must not lose it, unless
      // the user cancelled.
      const failed = error instanceof GenerationError || error instanceof ProviderError;
      if (!failed || error.failure === "cancelled") throw error;
      logger.warning(`The retry for failed checks failed (${error.message}); keeping the first copy`);
    }
  }
  return admit({ result: "written", copy, checks, generation, requests, usage, prose: false });
}

/** Every string that is stored with the copy: its fields, the model's name and the stop reason. */
function storedText(copy: unknown, reply: Generation): string {
  const strings: string[] = [reply.model, reply.stopReason ?? ""];
  const collect = (value: unknown): void => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(collect);
  };
  collect(copy);
  return strings.join("\n");
}

function followUp(brief: WritingBrief, reply: string, ask: string): WritingBrief {
  return {
    ...brief,
    followUps: [
      ...(brief.followUps ?? []),
      { role: "assistant", text: reply.slice(0, QUOTED_REPLY) },
      { role: "user", text: ask },
    ],
  };
}

function repairRequest(problems: string, truncated: boolean): string {
  return (
    `That reply could not be used: ${problems}.` +
    (truncated ? " It was cut off at the token limit: keep it shorter." : "") +
    " Reply again with only the JSON object, in the shape the instructions give, every field filled."
  );
}

function checksRequest(failed: readonly Check[]): string {
  return (
    `That copy fails these checks: ${failed.map((c) => `${c.check}: ${c.detail}`).join("; ")}. ` +
    "Fix them, change nothing else that is right, and reply with the whole JSON object again."
  );
}
