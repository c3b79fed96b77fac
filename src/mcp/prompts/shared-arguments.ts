import { completable } from "@modelcontextprotocol/sdk/server/completable.js";
import { z } from "zod";
import { LANGUAGES, matching, storedBrandNames, TONES } from "./completions.ts";
import type { PromptDeps } from "./define-prompt.ts";

/** The optional style arguments every writing prompt takes, with their completions. */
export function styleArguments(deps: PromptDeps) {
  return {
    brand_voice: completable(
      z.string().optional().describe("Name of a stored brand voice to write in (optional)"),
      async (typed) => matching(await storedBrandNames(deps.store), typed),
    ),
    tone: completable(
      z
        .string()
        .optional()
        .describe(`Tone of the copy: ${TONES.join(", ")}, or your own words (optional)`),
      (typed) => matching(TONES, typed),
    ),
    language: completable(
      z
        .string()
        .optional()
        .describe(
          "Language to write in, as a code such as en, de or pt-BR, or its name (optional, default English)",
        ),
      (typed) => matching(LANGUAGES, typed),
    ),
  };
}

export interface Style {
  readonly brand_voice?: string | undefined;
  readonly tone?: string | undefined;
  readonly language?: string | undefined;
}

/** The style requests as sentences for the model; empty when none was given. */
export function styleInstructions({ brand_voice, tone, language }: Style): string {
  const lines = [
    brand_voice?.trim() ? `- Write in the stored brand voice "${brand_voice.trim()}".` : "",
    tone?.trim() ? `- Tone: ${tone.trim()}.` : "",
    language?.trim() ? `- Language: ${language.trim()}.` : "",
  ].filter(Boolean);
  return lines.length === 0
    ? ""
    : `\nStyle (pass these to the tool where it has a matching argument, and follow them when you write the text yourself):\n${lines.join("\n")}\n`;
}
