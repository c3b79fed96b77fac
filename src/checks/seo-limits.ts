/**
 * The most characters the SEO fields should have: the checks, the prompts, the schemas' hints and the
 * review view all read them from here. Google cuts titles at about 600 px (and themes append the shop's
 * name) and meta descriptions at about 990 px on a desktop.
 */
export const SEO_LIMITS = { seo_title: 60, seo_description: 160 } as const;
