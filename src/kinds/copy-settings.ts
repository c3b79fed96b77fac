import { languageName } from "../text/language-tag.ts";
import { delimit } from "./delimit.ts";

/** The writing settings a user can give with any kind: tone, length and language, in prompt words. */

export const TONE_PRESETS: Readonly<Record<string, string>> = {
  playful: "playful: light, warm and witty, short sentences, a smile but no jokes at the buyer's expense",
  premium: "premium: calm, confident and refined; precise words, no exclamation marks, no hype",
  technical: "technical: precise and factual, lead with what it does and how, plain terms over adjectives",
  friendly: "friendly: warm, direct and helpful, as a shop assistant who likes the product would talk",
};

export const LENGTH_PRESETS: Readonly<Record<string, { min: number; max: number }>> = {
  short: { min: 35, max: 65 },
  medium: { min: 75, max: 125 },
  long: { min: 160, max: 240 },
};

/** "short" | "medium" | "long" | "80-120", as the tools accept it. */
export const LENGTH_PATTERN = /^(?:short|medium|long|\d{1,4}\s*-\s*\d{1,4})$/;

export function lengthRange(length: string | undefined, fallback: string): { min: number; max: number } {
  const value = length ?? fallback;
  const preset = LENGTH_PRESETS[value];
  if (preset) return preset;
  const [min = 0, max = 0] = value.split("-").map((n) => Number(n.trim()));
  return { min: Math.min(min, max), max: Math.max(min, max) };
}

export function toneLine(tone: string | undefined): string | undefined {
  if (!tone) return undefined;
  return `Tone: ${TONE_PRESETS[tone.toLowerCase()] ?? tone}.`;
}

/** The language line of a brief: the language is always chosen before writing (see language-choice.ts). */
export function languageLine(language: string): string {
  return `Language: write every field in ${languageName(language)} (${language}), whatever the language of the material.`;
}

/** The end of a revision's prompt: the copy as it stands, then what the user wants changed. */
export function revisionBlock(
  revision: { readonly copy: Readonly<Record<string, unknown>>; readonly instructions: string } | undefined,
): string[] {
  if (!revision) return [];
  return [
    "Revise this copy as the instructions say; keep what they do not ask to change, and reply with the whole JSON object.",
    delimit("current_copy", JSON.stringify(revision.copy)),
    // Not delimited as data: these are the user's own instructions, to be followed.
    `The user's instructions for this revision (follow them, within the rules above):\n${revision.instructions}`,
  ];
}
