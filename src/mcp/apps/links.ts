import { productKind } from "../../kinds/product/kind.ts";
import type { AnyTool } from "../tools/define-tool.ts";
import { CATALOG_REVIEW, PRODUCT_REVIEW } from "./uris.ts";

/**
 * Which tool results a view shows: the one place that links tools to views. By name, so the catalog tools
 * (write_catalog, get_job) are linked when they exist and nothing breaks while they do not.
 */
const { tools } = productKind;

export const VIEW_OF_TOOL: Readonly<Record<string, string>> = {
  [tools.create]: PRODUCT_REVIEW,
  [tools.get]: PRODUCT_REVIEW,
  [tools.revise]: PRODUCT_REVIEW,
  [tools.saveCopy]: PRODUCT_REVIEW,
  [tools.restore]: PRODUCT_REVIEW,
  [tools.list]: CATALOG_REVIEW,
  write_catalog: CATALOG_REVIEW,
  get_job: CATALOG_REVIEW,
};

/**
 * The tool with its view linked. Every client gets the link: it is metadata a client without the UI
 * extension ignores, and a host that renders views without declaring the extension still finds it.
 */
export function withView(tool: AnyTool): AnyTool {
  const resourceUri = VIEW_OF_TOOL[tool.name];
  return resourceUri === undefined ? tool : { ...tool, ui: { resourceUri } };
}
