import { htmlToText } from "./html-text.ts";
import type { ImportedProduct } from "./types.ts";

type Existing = Pick<
  ImportedProduct,
  "existingDescriptionHtml" | "existingDescriptionText" | "existingShortDescriptionHtml" | "existingSeo"
>;

/** The copy a product already has in its file; empty cells leave their field out. */
export function existingCopy(cells: {
  description?: string;
  short?: string;
  seoTitle?: string;
  seoDescription?: string;
}): Existing {
  const existing: Existing = {};
  const body = cells.description ?? "";
  if (body.trim() !== "") {
    existing.existingDescriptionHtml = body;
    existing.existingDescriptionText = htmlToText(body);
  }
  if ((cells.short ?? "").trim() !== "") existing.existingShortDescriptionHtml = cells.short;
  const title = (cells.seoTitle ?? "").trim();
  const description = (cells.seoDescription ?? "").trim();
  if (title !== "" || description !== "") {
    existing.existingSeo = {
      ...(title !== "" ? { title } : {}),
      ...(description !== "" ? { description } : {}),
    };
  }
  return existing;
}
