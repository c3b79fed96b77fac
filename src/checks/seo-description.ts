import { characterLimitCheck } from "./character-limit.ts";
import { SEO_LIMITS } from "./seo-limits.ts";
import type { Check } from "./types.ts";

export const SEO_DESCRIPTION_MAX = SEO_LIMITS.seo_description;

export function seoDescriptionCheck(seoDescription: string): Check {
  return characterLimitCheck("seo_description", seoDescription, SEO_DESCRIPTION_MAX);
}
