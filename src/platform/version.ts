// Replaced by the bundler with package.json's version; the fallback serves runs from source.
declare const COPYDESK_VERSION: string | undefined;

export const VERSION: string = typeof COPYDESK_VERSION === "string" ? COPYDESK_VERSION : "0.0.0-dev";
