import { existingCopy } from "./existing-copy.ts";
import { splitList } from "./html-text.ts";
import type { Layout } from "./layout.ts";
import { cellOf, isBlank, rawCellOf } from "./row-cells.ts";
import type { ImportedProduct, ImportItem, ProductKey, SourceRow } from "./types.ts";
import { perVariant, variantLabels } from "./variant-facts.ts";

const SEO_TITLE_META = ["Meta: _yoast_wpseo_title", "Meta: rank_math_title"];
const SEO_DESCRIPTION_META = ["Meta: _yoast_wpseo_metadesc", "Meta: rank_math_description"];

/** One product per row; a variation joins its parent (named by SKU or id:N) and gets no copy. */
export function wooGrouper(layout: Layout) {
  let open: { key: ProductKey; rows: SourceRow[] } | undefined;

  const close = (): ImportItem[] => {
    if (open === undefined) return [];
    const { key, rows } = open;
    open = undefined;
    return [{ type: "product", product: productOf(layout, key, rows) }];
  };

  return {
    push(row: SourceRow): ImportItem[] {
      if (isBlank(row)) return [{ type: "blank", row }];
      const types = splitList(cellOf(layout, row, "Type").toLowerCase());
      if (types.includes("variation")) {
        const parent = cellOf(layout, row, "Parent");
        if (parent === "") return [{ type: "rejected", row, reason: "is a variation with no Parent" }];
        const to: ProductKey = parent.startsWith("id:") ? { id: parent.slice(3).trim() } : { sku: parent };
        if (open !== undefined && (to.id !== undefined ? to.id === open.key.id : to.sku === open.key.sku)) {
          open.rows.push(row);
          return [];
        }
        return [{ type: "attached", to, rows: [row] }];
      }
      const items = close();
      if (cellOf(layout, row, "Name") === "") {
        items.push({ type: "rejected", row, reason: "has no Name" });
        return items;
      }
      const id = cellOf(layout, row, "ID");
      const sku = cellOf(layout, row, "SKU");
      open = { key: { ...(sku !== "" ? { sku } : {}), ...(id !== "" ? { id } : {}) }, rows: [row] };
      return items;
    },
    end: close,
  };
}

function productOf(layout: Layout, key: ProductKey, rows: SourceRow[]): ImportedProduct {
  const first = rows[0] as SourceRow;
  const cell = (name: string) => cellOf(layout, first, name);
  const facts: Record<string, string> = {};
  const put = (name: string, value: string) => {
    if (value !== "") facts[name] = value;
  };
  put("type", splitList(cell("Type")).join(", "));
  put("categories", cell("Categories"));
  const own = physicalFacts(layout, first);
  layout.columns.forEach((name, index) => {
    const value = (first.cells[index] ?? "").trim();
    const attribute = /^Attribute (\d+) name$/i.exec(name.trim());
    if (attribute !== null && value !== "") {
      put(value, cellOf(layout, first, `Attribute ${attribute[1]} value(s)`));
    }
  });
  // A variation without its own weight or size has its parent's (as WooCommerce ships it).
  const variations = rows.slice(1);
  const labels = variantLabels(variations.map((row) => attributeValues(layout, row)));
  for (const fact of ["weight", "dimensions"] as const) {
    const value =
      variations.length === 0
        ? (own[fact] ?? "")
        : perVariant(
            variations.map((row, index) => ({
              label: labels[index] ?? "",
              value: physicalFacts(layout, row)[fact] ?? own[fact] ?? "",
            })),
          );
    put(fact, value);
  }
  const body = rawCellOf(layout, first, "Description");
  const short = rawCellOf(layout, first, "Short description");
  const seoTitle = SEO_TITLE_META.map((name) => cell(name)).find((value) => value !== "") ?? "";
  const seoDescription = SEO_DESCRIPTION_META.map((name) => cell(name)).find((value) => value !== "") ?? "";
  return {
    key,
    title: cell("Name"),
    keywords: splitList(cell("Tags")),
    facts,
    ...existingCopy({ description: body, short, seoTitle, seoDescription }),
    rows,
  };
}

/** A row's weight and dimensions, with the units its header names. */
function physicalFacts(layout: Layout, row: SourceRow): { weight?: string; dimensions?: string } {
  const facts: { weight?: string; dimensions?: string } = {};
  const sizes: [string, string][] = [];
  let sizeUnit = "";
  layout.columns.forEach((name, index) => {
    const value = (row.cells[index] ?? "").trim();
    const unit = /^(Weight|Length|Width|Height) \((.+)\)$/i.exec(name.trim());
    if (unit?.[1] === undefined || unit[2] === undefined || value === "") return;
    if (unit[1].toLowerCase() === "weight") facts.weight = `${value} ${unit[2]}`;
    else {
      sizes.push([unit[1].toLowerCase(), value]);
      sizeUnit = unit[2];
    }
  });
  if (sizes.length > 0) {
    facts.dimensions = `${sizes.map(([, value]) => value).join(" × ")} ${sizeUnit} (${sizes.map(([name]) => name).join(" × ")})`;
  }
  return facts;
}

/** A variation's attribute values, in attribute order. */
function attributeValues(layout: Layout, row: SourceRow): string[] {
  const values: string[] = [];
  layout.columns.forEach((name, index) => {
    if (/^Attribute \d+ value\(s\)$/i.test(name.trim())) values.push((row.cells[index] ?? "").trim());
  });
  return values;
}
