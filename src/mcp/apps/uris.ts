/** The MCP Apps views copydesk serves (the io.modelcontextprotocol/ui extension, 2026-01-26). */
export const PRODUCT_REVIEW = "ui://copydesk/product-review";
export const CATALOG_REVIEW = "ui://copydesk/catalog-review";

/** The MIME type the specification gives HTML views. */
export const APP_MIME_TYPE = "text/html;profile=mcp-app";

/** The extension's key in client capabilities. */
export const UI_EXTENSION = "io.modelcontextprotocol/ui";
