import type { WritingBrief } from "../kinds/brief.ts";
import type { Logger } from "../platform/logger.ts";
import type { ClientSampling } from "./client-sampling.ts";
import { GenerationError, type GenerationFailure } from "./errors.ts";
import { type CallContext, type Generation, generate, type RawReply, type Route } from "./generation.ts";
import type { ProviderMode } from "./providers/config.ts";

/** A server-side model (src/llm/providers) as the router sees it. */
export interface ServerSideModel {
  /** When it writes, in the reference frameworks' words (Python FastMCP). */
  readonly mode: ProviderMode;
  /** Provider, URL and model: safe to log, never the key. */
  readonly description: string;
  complete(brief: WritingBrief, options: { signal: AbortSignal }): Promise<RawReply>;
  /** Whether text carries its API key, in any form the key check knows; absent: it has no key. */
  carriesKey?(text: string): boolean;
}

export type WriteOutcome =
  | { readonly result: "written"; readonly generation: Generation }
  /** Nobody here can write: the tool stores a draft and hands the brief to the calling model. */
  | { readonly result: "host-model"; readonly reason: string };

export interface Writer {
  write(brief: WritingBrief, call: CallContext): Promise<WriteOutcome>;
  /** Who would write now: what a job needs to know to choose its pace (or to hand out briefs). */
  plannedRoute(): Route;
  spendRequestIdZero(): void;
  /** Whether text carries the provider's API key: copy that does is never stored. */
  carriesKey(text: string): boolean;
}

/**
 * Sampling failures after which `fallback_on_error` asks the provider. A cancelled call is not one:
 * the user stopped it.
 */
const FALLBACK_FAILURES: ReadonlySet<GenerationFailure> = new Set([
  "no-sampling",
  "declined",
  "timeout",
  "empty",
  "not-text",
  "client-error",
]);

export interface WriterDeps {
  /** The MCP client's sampling; none on the command line, where only the provider writes. */
  readonly sampling?: ClientSampling | undefined;
  readonly provider: ServerSideModel | undefined;
  readonly logger: Logger;
  /** Names the client in the host-model reason. */
  readonly clientName: () => string;
}

/** Chooses, per call, who writes: the client's model, a configured provider, or the calling model. */
export function createWriter({ sampling, provider, logger, clientName }: WriterDeps): Writer {
  const viaSampling = (client: ClientSampling, brief: WritingBrief, call: CallContext) =>
    generate(brief, "client-sampling", () => client.ask(brief, call), logger);
  const viaProvider = (model: ServerSideModel, brief: WritingBrief, call: CallContext) =>
    generate(brief, "provider", () => model.complete(brief, { signal: call.signal }), logger);
  const written = (generation: Generation): WriteOutcome => ({ result: "written", generation });

  const hostModel = (reason: string): WriteOutcome => ({ result: "host-model", reason });
  // A client that declares sampling but answers "Method not found" (Cursor does) cannot sample: it is
  // treated as one without, for the rest of the session, instead of failing every call.
  let samplingMissing = false;

  return {
    async write(brief, call) {
      if (provider?.mode === "always") return written(await viaProvider(provider, brief, call));
      if (sampling?.available() && !samplingMissing) {
        try {
          return written(await viaSampling(sampling, brief, call));
        } catch (error) {
          if (!(error instanceof GenerationError)) throw error;
          samplingMissing = error.failure === "no-sampling";
          const fallBack =
            samplingMissing ||
            (provider?.mode === "fallback_on_error" && FALLBACK_FAILURES.has(error.failure));
          if (!fallBack) throw error;
          if (!provider) {
            return hostModel(
              `${clientName()} declares MCP sampling but does not implement it, and no provider is configured`,
            );
          }
          logger.warning(
            `Client sampling failed (${error.failure}); writing with ${provider.description} instead`,
          );
          return written(await viaProvider(provider, brief, call));
        }
      }
      if (provider) return written(await viaProvider(provider, brief, call));
      return hostModel(
        samplingMissing
          ? `${clientName()} declares MCP sampling but does not implement it, and no provider is configured`
          : `${clientName()} does not support MCP sampling and no provider is configured`,
      );
    },
    plannedRoute() {
      if (provider?.mode === "always") return "provider";
      if (sampling?.available() && !samplingMissing) return "client-sampling";
      return provider ? "provider" : "host-model";
    },
    spendRequestIdZero: () => sampling?.spendRequestIdZero(),
    carriesKey: (text) => provider?.carriesKey?.(text) ?? false,
  };
}
