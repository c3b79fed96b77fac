import { z } from "zod";
import { type BrandVoice, brandVoiceKey } from "../../store/brand-voices.ts";
import { canonicalLanguage, languageName, languageTag } from "../../text/language-tag.ts";
import {
  BRAND_LIMITS,
  bannedWord,
  brandName,
  brandText,
  brandVoiceOutput,
  brandVoiceRecord,
  uniqueWords,
} from "./brand-voice-schemas.ts";
import { defineTool } from "./define-tool.ts";

export const setBrandVoice = defineTool({
  name: "set_brand_voice",
  title: "Set brand voice",
  description:
    "Create or update a brand voice: how a shop writes (guidelines, a sample, words it never uses, its " +
    "language). Product copy is written in it when create_product is given its name as brand, or, for " +
    "the default voice, when no brand is given. A voice with the same name (any case) is updated: fields " +
    "left out keep their values, null clears them.",
  inputSchema: {
    name: brandName.describe(
      `The voice's name, e.g. "Nordic Home" (1-${BRAND_LIMITS.name} letters, digits, spaces, - or _; matched without regard to case)`,
    ),
    guidelines: brandText("guidelines", BRAND_LIMITS.guidelines).describe(
      `How the shop writes: tone, style, vocabulary, how it addresses customers, e.g. "Calm and warm, ` +
        `short sentences, address the reader as you, no exclamation marks" (at most ${BRAND_LIMITS.guidelines} characters)`,
    ),
    example: brandText("example", BRAND_LIMITS.example)
      .nullable()
      .optional()
      .describe(
        `A sample of the shop's own copy for the model to imitate in tone, never in facts (at most ${BRAND_LIMITS.example} characters); null removes it`,
      ),
    banned_words: z
      .array(bannedWord)
      .max(BRAND_LIMITS.bannedWords, `give at most ${BRAND_LIMITS.bannedWords} banned words`)
      .optional()
      .describe(
        `Words or phrases the copy must never use, e.g. ["cheap", "world-class"] (at most ${BRAND_LIMITS.bannedWords}, each at most ${BRAND_LIMITS.bannedWord} characters); [] removes them all`,
      ),
    language: languageTag("language")
      .nullable()
      .optional()
      .describe(
        'The BCP 47 tag of the language the shop writes in, e.g. "de" or "fr-CA"; a product may still ask for another. null removes it',
      ),
    default: z
      .boolean()
      .optional()
      .describe(
        "true makes this the voice used when no brand is given (the previous default stops being one); false stops it being the default; omitted keeps it as it is",
      ),
  },
  outputSchema: {
    voice: brandVoiceRecord.describe("The stored voice"),
    created: z.boolean().describe("True when the voice is new, false when an existing one was updated"),
  },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async handle(input, deps) {
    const brands = deps.store().brands;
    const previousDefault = brands.getDefault();
    const { voice, created } = brands.set({
      name: input.name,
      guidelines: input.guidelines,
      example: input.example,
      bannedWords: input.banned_words && uniqueWords(input.banned_words),
      language: input.language ? (canonicalLanguage(input.language) ?? input.language) : input.language,
      isDefault: input.default,
    });
    deps.resourcesChanged();
    return {
      structured: { voice: brandVoiceOutput(voice), created },
      text: `${created ? "Created" : "Updated"} the brand voice "${voice.name}": ${summary(voice)}.${defaultNote(voice, previousDefault)}`,
    };
  },
});

function summary(voice: BrandVoice): string {
  const words = voice.bannedWords.length;
  return [
    voice.language
      ? `writes in ${languageName(voice.language)} (${voice.language})`
      : "writes in each product's language",
    voice.example === null ? "no sample" : "a sample to imitate",
    words === 0 ? "no banned words" : `${words} banned word${words === 1 ? "" : "s"}`,
  ].join(", ");
}

function defaultNote(voice: BrandVoice, previous: BrandVoice | undefined): string {
  if (!voice.isDefault) {
    return previous && brandVoiceKey(previous.name) === brandVoiceKey(voice.name)
      ? " It is no longer the default: products without a brand get no voice."
      : ` Use it with create_product's brand: "${voice.name}".`;
  }
  if (previous && brandVoiceKey(previous.name) !== brandVoiceKey(voice.name)) {
    return ` It is now the default voice, in place of "${previous.name}".`;
  }
  return " It is the default voice: products without a brand are written in it.";
}
