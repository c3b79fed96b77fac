import type { SEO_LIMITS } from "../checks/seo-limits.ts";

/**
 * The SEO limits as a type, for the review view: browser code may import only types from services
 * (scripts/check-layers), so the view spells the numbers and `satisfies SeoLimits` makes tsc hold them
 * to checks/seo-limits.ts.
 */
export type SeoLimits = typeof SEO_LIMITS;
