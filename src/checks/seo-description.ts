import { characterLimitCheck } from "./character-limit.ts";
import type { Check } from "./types.ts";

// Google cuts meta descriptions at about 990 px on a desktop.
export const SEO_DESCRIPTION_MAX = 160;

export function seoDescriptionCheck(seoDescription: string): Check {
  return characterLimitCheck("seo_description", seoDescription, SEO_DESCRIPTION_MAX);
}
