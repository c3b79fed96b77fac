import type { z } from "zod";
import { missingFieldsCheck, runChecks } from "../../checks/index.ts";
import { cleanReply } from "../../text/clean-reply.ts";
import { plainLine, plainText } from "../../text/plain-text.ts";
import { givenFields, MAX_TAGS, normaliseTags } from "../fields.ts";
import type { RecordKind } from "../kind.ts";
import { storedInputReader, unreadableLines } from "../stored-input.ts";
import { ABSTRACT_WORDS, POST_COPY_SHAPE, postCopyBrief } from "./brief.ts";
import type { PostCopy } from "./copy.ts";
import { copyInput, copyOutput, createInput, type PostInput, recordFields, storedInput } from "./schemas.ts";

const MISSING_FILL = "write them and save with save_post_copy, or revise_post to have them written";

/** An old post whose content cannot be read is shown with none rather than not at all. */
const readInput = storedInputReader(storedInput, { content: "" });
const inputOf = (record: { readonly input: unknown }) => readInput(record).input;

export const postKind: RecordKind<PostCopy, PostInput> = {
  name: "post",
  noun: "blog post",
  plural: "blog posts",
  key: "post",
  listKey: "posts",
  languageFrom: "content",
  ownText: (record) => inputOf(record).content,
  fromStoreFiles: false,
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
    input: createInput,
  },
  recordFrom(input) {
    const { title, ...rest } = input as { title: string } & Record<string, unknown>;
    const stored = givenFields(rest);
    return { title, handle: null, input: stored };
  },
  readInput,
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
  recordFields,
  present(record, full) {
    const { content, ...input } = inputOf(record);
    return { ...input, ...(full ? { content } : {}) };
  },
  describe(record) {
    const { input, unreadable } = readInput(record);
    return [...full(input.content), ...unreadableLines(unreadable)];
  },
};

function full(content: string): string[] {
  return [
    `Content: ${content.length > 300 ? `${content.slice(0, 300)}… (${content.length} characters)` : content}`,
  ];
}
