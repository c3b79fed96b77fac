import { bannedWordsCheck } from "./banned-words.ts";
import { formulaStartCheck } from "./formula-start.ts";
import { inventedSpecsCheck } from "./invented-specs.ts";
import { keywordsCheck } from "./keywords.ts";
import { detectLanguage, languageCheck } from "./language.ts";
import { lengthCheck } from "./length.ts";
import { seoDescriptionCheck } from "./seo-description.ts";
import { seoTitleCheck } from "./seo-title.ts";
import type { Check, CheckContext, CheckInput } from "./types.ts";
import { primaryLanguage } from "./words.ts";

export { detectLanguage } from "./language.ts";
export { loadCheckLibraries } from "./libraries.ts";
export { missingFieldsCheck } from "./missing-fields.ts";
export { SEO_DESCRIPTION_MAX } from "./seo-description.ts";
export { SEO_LIMITS } from "./seo-limits.ts";
export { SEO_TITLE_MAX } from "./seo-title.ts";
export type { Check, CheckContext, CheckInput, CheckName } from "./types.ts";

/**
 * Runs every check that applies, in a fixed order. Left out: keywords without keywords, length without
 * a range, seo_title/seo_description when the copy has no such field, banned_words without banned
 * words, language when none was asked for; formula_start unless a text starts like a formula.
 */
export function runChecks(input: CheckInput, context: CheckContext): Check[] {
  // Inflections are matched in the asked language, else in the one the body (or the title) is written in,
  // detected only when a check needs it.
  let detected: { language: string | undefined } | undefined;
  const language = (): string | undefined => {
    if (context.language !== undefined) return primaryLanguage(context.language);
    detected ??= { language: detectLanguage(input.body) ?? detectLanguage(context.title) };
    return detected.language;
  };
  const checks: Check[] = [];
  if (context.keywords.length > 0) checks.push(keywordsCheck(input.texts, context.keywords, language));
  if (context.length !== undefined) checks.push(lengthCheck(input.body, context.length));
  if (input.seoTitle !== undefined) checks.push(seoTitleCheck(input.seoTitle));
  if (input.seoDescription !== undefined) checks.push(seoDescriptionCheck(input.seoDescription));
  if (context.bannedWords.length > 0)
    checks.push(bannedWordsCheck([...input.texts, ...(input.tags ?? [])], context.bannedWords, language()));
  checks.push(inventedSpecsCheck(input.texts, context));
  if (context.language !== undefined) {
    checks.push({
      ...languageCheck(input.body, context.language),
      language: context.language,
      ...(context.languageSource ? { language_source: context.languageSource } : {}),
    });
  }
  const formula = formulaStartCheck([...input.texts, ...(input.tags ?? [])]);
  if (formula !== undefined) checks.push(formula);
  return checks;
}

export function failedChecks(checks: readonly Check[]): Check[] {
  return checks.filter((check) => !check.ok);
}

/**
 * -1 when a is better, 1 when b is better, 0 when equal: fewer failures wins. On 0 the caller keeps the
 * first reply (`compareChecks(a, b) <= 0 ? a : b`).
 */
export function compareChecks(a: readonly Check[], b: readonly Check[]): number {
  return Math.sign(failedChecks(a).length - failedChecks(b).length);
}
