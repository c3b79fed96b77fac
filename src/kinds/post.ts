import { z } from "zod";
import { missingFieldsCheck, runChecks } from "../checks/index.ts";
import { cleanReply } from "../text/clean-reply.ts";
import { plainLine, plainText } from "../text/plain-text.ts";
import type { PostCopy } from "./copy-types.ts";
import {
  brand,
  givenFields,
  language,
  languageSourceField,
  MAX_TAGS,
  normaliseTags,
  searchCopyFields,
  titleField,
  tone,
} from "./fields.ts";
import type { RecordKind } from "./kind.ts";
import { ABSTRACT_WORDS, POST_COPY_SHAPE, postCopyBrief } from "./post-copy.ts";

const LIMITS = { title: 200, content: 100_000 } as const;

const copyInput = z.object({
  abstract: z
    .string()
    .trim()
    .min(1, "abstract must not be empty")
    .max(2000, "abstract must be at most 2000 characters")
    .describe("2-4 sentences: what the post says and why it is worth reading"),
  ...searchCopyFields("topic tags"),
});

const copyOutput = z.object({
  abstract: z.string(),
  seo_title: z.string(),
  seo_description: z.string(),
  tags: z.array(z.string()),
});

interface PostInput {
  readonly content: string;
  readonly language?: string;
  readonly tone?: string;
  readonly brand?: string;
}

const MISSING_FILL = "write them and save with save_post_copy, or revise_post to have them written";

const inputOf = (record: { input: Readonly<Record<string, unknown>> }) =>
  record.input as unknown as PostInput;

export const POST: RecordKind<PostCopy> = {
  name: "post",
  noun: "blog post",
  plural: "blog posts",
  key: "post",
  listKey: "posts",
  languageFrom: "content",
  mainField: "abstract",
  tools: {
    create: "create_blog",
    get: "get_post",
    list: "list_posts",
    saveCopy: "save_post_copy",
    revise: "revise_post",
    versions: "list_post_versions",
    restore: "restore_post_version",
  },
  legacySave: {
    name: "save_blog_abstract",
    title: "Save blog abstract",
    description:
      "Save an abstract you wrote for a stored blog post, as its new version (its SEO fields and tags are kept). " +
      "To save every field at once, use save_post_copy.",
  },
  create: {
    title: "Create blog post",
    description:
      "Store a blog post and get its copy written: an abstract (2-4 sentences), an SEO title and meta " +
      "description, and tags, in the post's language and the brand voice. Written by the client's model through " +
      "sampling (the client may ask the user to approve), or by a configured provider. If neither can write, the " +
      "post is stored as a draft and the result is a brief: write the copy yourself and save it with save_post_copy.",
    input: {
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
    },
  },
  recordFrom(input) {
    const { title, ...rest } = input as { title: string } & Record<string, unknown>;
    const stored = givenFields(rest);
    return { title, handle: null, input: stored };
  },
  copyInput,
  copyOutput,
  copyShape: POST_COPY_SHAPE,
  finish(parsed) {
    const copy = parsed as z.infer<typeof copyInput>;
    return {
      abstract: plainText(cleanReply(copy.abstract)),
      seo_title: plainLine(copy.seo_title),
      seo_description: plainLine(copy.seo_description),
      tags: normaliseTags(copy.tags, MAX_TAGS),
    };
  },
  show: (copy) => JSON.stringify(copy),
  withMainText(copy, text) {
    return { ...(copy ?? { seo_title: "", seo_description: "", tags: [] }), abstract: plainText(text) };
  },
  brief(record, options) {
    return postCopyBrief({ title: record.title, ...inputOf(record) }, options);
  },
  checks(copy, record, context) {
    const input = inputOf(record);
    const missing = missingFieldsCheck(copy, MISSING_FILL);
    const checks = runChecks(
      {
        body: copy.abstract,
        texts: [copy.abstract, copy.seo_title, copy.seo_description],
        tags: copy.tags,
        seoTitle: copy.seo_title,
        seoDescription: copy.seo_description,
      },
      {
        title: record.title,
        keywords: [],
        // An abstract may state what the post states, and nothing more.
        facts: { content: input.content },
        length: ABSTRACT_WORDS,
        bannedWords: context.brand?.bannedWords ?? [],
        language: context.language,
        languageSource: context.languageSource,
      },
    );
    return missing ? [...checks, missing] : checks;
  },
  recordFields: {
    content: z.string().optional().describe("The post's full text (get_post only; lists leave it out)"),
    language: z
      .string()
      .optional()
      .describe("The language the copy is written in (BCP 47), as language_source chose it"),
    language_source: languageSourceField,
    tone: z.string().optional(),
    brand: z.string().optional().describe("The brand voice asked for by name"),
  },
  present(record, full) {
    const { content, ...input } = inputOf(record);
    return { ...input, ...(full ? { content } : {}) };
  },
  describe(record) {
    const input = inputOf(record);
    return full(input.content);
  },
};

function full(content: string): string[] {
  return [
    `Content: ${content.length > 300 ? `${content.slice(0, 300)}… (${content.length} characters)` : content}`,
  ];
}
