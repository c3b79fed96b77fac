import { z } from "zod";
import {
  brand,
  commonRecordFields,
  commonStoredFields,
  language,
  searchCopyFields,
  titleField,
  tone,
} from "../fields.ts";

/** A blog post's fields as create_blog takes them, as the store keeps them and as tools return them. */

const LIMITS = { title: 200, content: 100_000 } as const;

/** create_blog's input. */
export const createInput = {
  title: titleField(LIMITS.title, "The post's title"),
  content: z
    .string()
    .trim()
    .min(1, "content must not be empty")
    .max(LIMITS.content, `content must be at most ${LIMITS.content} characters`)
    .describe(`The post's full text, plain or Markdown (at most ${LIMITS.content} characters)`),
  language,
  tone,
  brand,
};

/** What the store keeps for a post. */
export const storedInput = z.object({ content: z.string(), ...commonStoredFields });

export type PostInput = z.output<typeof storedInput>;

/** A post's own fields in tool results. */
export const recordFields = {
  content: z.string().optional().describe("The post's full text (get_post only; lists leave it out)"),
  ...commonRecordFields,
};

/** The copy as a model or a caller writes it. */
export const copyInput = z.object({
  abstract: z
    .string()
    .trim()
    .min(1, "abstract must not be empty")
    .max(2000, "abstract must be at most 2000 characters")
    .describe("2-4 sentences: what the post says and why it is worth reading"),
  ...searchCopyFields("topic tags"),
});

/** The copy as stored and returned. */
export const copyOutput = z.object({
  abstract: z.string(),
  seo_title: z.string(),
  seo_description: z.string(),
  tags: z.array(z.string()),
});
