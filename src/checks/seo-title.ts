import { characterLimitCheck } from "./character-limit.ts";
import type { Check } from "./types.ts";

// Google cuts titles at about 600 px and themes append the shop's name (see the notes on copy).
export const SEO_TITLE_MAX = 60;

export function seoTitleCheck(seoTitle: string): Check {
  return characterLimitCheck("seo_title", seoTitle, SEO_TITLE_MAX);
}
