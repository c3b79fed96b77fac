import { z } from "zod";
import { COMPARED_FIELDS } from "../../../formats/store-copy.ts";

const field = (what: string) =>
  z
    .string()
    .nullable()
    .describe(`${what} in the store now, as plain text; null where the store copy has none`);

export const storeCopySchema = z
  .object({
    source: z
      .enum(["import", "given"])
      .describe(
        '"import": the product\'s row in the store file it was imported from; "given": its existing_description',
      ),
    importId: z.string().nullable().describe("The import the row is from; null for a given description"),
    copy: z.object({
      description: field("The description"),
      short_description: field("The short description"),
      seo_title: field("The SEO title"),
      seo_description: field("The SEO description"),
    }),
    changes: z
      .array(z.enum(COMPARED_FIELDS))
      .describe(
        "The fields the copy shown changes against the store's (what an export would overwrite); empty for a draft",
      ),
  })
  .nullable()
  .describe("The copy the store has now, to compare with the new copy; null when copydesk knows none");
