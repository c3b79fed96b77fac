import { CATALOG_REVIEW, PRODUCT_REVIEW } from "./uris.ts";

/** Each view's HTML page, by its ui:// URI: scripts and styles inline, nothing fetched. */
export type Views = Readonly<Record<string, string>>;

// Replaced by the bundler with the views scripts/views.ts builds, so the executable and its startup
// snapshot carry them and nothing is read from disk at run time.
declare const COPYDESK_VIEWS: Views | undefined;

const unbuilt = (name: string) =>
  `<!doctype html><meta charset="utf-8"><title>${name}</title><p>This copydesk runs from source: the ${name} view is built into the bundle by npm run build.</p>`;

/** The views built into this program; a run from source serves a page that says so. */
export const BUILT_VIEWS: Views =
  typeof COPYDESK_VIEWS === "object"
    ? COPYDESK_VIEWS
    : { [PRODUCT_REVIEW]: unbuilt("product review"), [CATALOG_REVIEW]: unbuilt("catalog review") };
