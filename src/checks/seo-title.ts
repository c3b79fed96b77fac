import { characterLimitCheck } from "./character-limit.ts";
import { SEO_LIMITS } from "./seo-limits.ts";
import type { Check } from "./types.ts";

export const SEO_TITLE_MAX = SEO_LIMITS.seo_title;

export function seoTitleCheck(seoTitle: string): Check {
  return characterLimitCheck("seo_title", seoTitle, SEO_TITLE_MAX);
}
