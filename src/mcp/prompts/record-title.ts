import { completable } from "@modelcontextprotocol/sdk/server/completable.js";
import { z } from "zod";
import type { AnyKind } from "../../kinds/index.ts";
import { matching, storedTitles } from "./completions.ts";
import type { PromptDeps } from "./define-prompt.ts";

/** A prompt's title argument for a kind: it completes the titles of that kind's stored records. */
export function recordTitleArgument(kind: AnyKind, description: string, deps: PromptDeps) {
  return completable(z.string().describe(description), async (typed) =>
    matching(await storedTitles(deps.store, kind), typed),
  );
}
