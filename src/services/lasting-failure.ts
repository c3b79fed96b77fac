import { GenerationError, type GenerationFailure } from "../llm/errors.ts";
import { ProviderError, type ProviderFailure } from "../llm/providers/errors.ts";

/** A wrong key or one without access, an unknown model, nothing listening at the URL. */
const PROVIDER: ReadonlySet<ProviderFailure> = new Set(["auth", "not-found", "unreachable"]);
/** A client that cannot sample after all, and a user who said no. */
const SAMPLING: ReadonlySet<GenerationFailure> = new Set(["no-sampling", "declined"]);

/**
 * A failure every later request of a job would meet too, whatever the product: the job stops at the first
 * one (resumable once it is fixed) instead of sending every request to the same answer.
 */
export function isLastingFailure(error: unknown): boolean {
  if (error instanceof ProviderError) return PROVIDER.has(error.failure);
  if (error instanceof GenerationError) return SAMPLING.has(error.failure);
  return false;
}
