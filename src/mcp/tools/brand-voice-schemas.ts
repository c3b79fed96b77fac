import { z } from "zod";
import type { BrandVoice } from "../../store/brand-voices.ts";

export const BRAND_LIMITS = {
  name: 60,
  guidelines: 4000,
  example: 4000,
  bannedWords: 100,
  bannedWord: 60,
} as const;

/** Letters (any script), digits, spaces, hyphens and underscores: safe in a URI, a prompt and a list. */
const NAME = /^[\p{L}\p{M}\p{N} _-]+$/u;
/** Control characters other than line breaks and tabs: invisible, and nothing a guideline needs. */
const CONTROL = /[^\P{Cc}\n\t]/gu;

/** A voice's name as given to set_brand_voice: spacing folded, so it matches as the store does. */
export const brandName = z
  .string()
  .trim()
  .overwrite((name) => name.normalize("NFC").replace(/\s+/g, " "))
  .min(1, "name must not be empty")
  .max(BRAND_LIMITS.name, `name must be at most ${BRAND_LIMITS.name} characters`)
  .refine(
    (name) => NAME.test(name),
    "name may contain only letters, digits, spaces, hyphens and underscores",
  );

/** A name to look up: any text up to the limit, so a wrong name is a "no such voice" answer with the list. */
export const brandNameRef = z
  .string()
  .trim()
  .min(1, "name must not be empty")
  .max(BRAND_LIMITS.name, `name must be at most ${BRAND_LIMITS.name} characters`);

/** Free text for the prompt: line endings made \n, control characters removed, trimmed. */
export const brandText = (what: string, max: number) =>
  z
    .string()
    .overwrite((text) => text.replace(/\r\n?/g, "\n").replace(CONTROL, ""))
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`);

export const bannedWord = z
  .string()
  .trim()
  .min(1, "a banned word must not be empty")
  .max(BRAND_LIMITS.bannedWord, `each banned word must be at most ${BRAND_LIMITS.bannedWord} characters`)
  .refine((word) => !/\p{Cc}/u.test(word), "a banned word must be on one line, without control characters");

export const brandVoiceRecord = z.object({
  name: z.string().describe("The voice's name"),
  guidelines: z.string().describe("How the shop writes: tone, style, word choice"),
  example: z.string().nullable().describe("A sample of the shop's writing to imitate; null if none"),
  bannedWords: z.array(z.string()).describe("Words and phrases the copy must never use"),
  language: z
    .string()
    .nullable()
    .describe("BCP 47 tag the shop writes in unless a product says otherwise; null: the product's"),
  isDefault: z.boolean().describe("True for the voice used when a tool is given none"),
  createdAt: z.string().describe("ISO 8601 time of creation"),
  updatedAt: z.string().describe("ISO 8601 time of the last change"),
});

/** Case-insensitive dedupe that keeps each word's first spelling: the prompt should not list one twice. */
export function uniqueWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words.filter((word) => {
    const key = word.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A stored voice as the output schema types it (a mutable copy of its word list). */
export function brandVoiceOutput(voice: BrandVoice): z.infer<typeof brandVoiceRecord> {
  return { ...voice, bannedWords: [...voice.bannedWords] };
}
