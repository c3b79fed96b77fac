import { z } from "zod";
import { blogAbstractBrief } from "../writing/blog-abstract.ts";
import { defineTool } from "./define-tool.ts";
import { pendingFor, pendingSchema, writingBriefText } from "./host-model.ts";
import { truncationNote } from "./notes.ts";
import { saveOrKeep } from "./save.ts";
import { LIMITS, post, title } from "./schemas.ts";

export const createBlog = defineTool({
  name: "create_blog",
  title: "Create blog post",
  description:
    "Store a blog post and get its abstract (2-4 sentences) written: by the client's model through sampling " +
    "(the client may ask the user to approve), or by a configured provider. If neither can write, the post " +
    "is stored as a draft and the result is a brief: write the abstract yourself and save it with " +
    "save_blog_abstract.",
  inputSchema: {
    title: title("title").describe(`The post's title (at most ${LIMITS.title} characters)`),
    content: z
      .string()
      .trim()
      .min(1, "content must not be empty")
      .max(LIMITS.content, `content must be at most ${LIMITS.content} characters`)
      .describe(`The post's full text, plain or Markdown (at most ${LIMITS.content} characters)`),
  },
  outputSchema: {
    post: post.describe("The stored post"),
    truncated: z
      .boolean()
      .describe("True when the model hit its token limit and the abstract may be cut off"),
    pending: pendingSchema.optional(),
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handle(input, deps, call) {
    // Open the store first: a broken data folder should fail before the user approves a request.
    const store = deps.store();
    const brief = blogAbstractBrief(input);
    const outcome = await deps.writer.write(brief, call);
    if (outcome.kind === "host-model") {
      const draft = store.createPost({
        ...input,
        abstract: null,
        model: null,
        stopReason: null,
        route: "host-model",
      });
      deps.resourcesChanged();
      deps.logger.info(
        `Stored draft post ${draft.id}: ${outcome.reason}; the calling model writes the abstract`,
      );
      const handOff = { what: "abstract", id: draft.id, saveWith: "save_blog_abstract", brief };
      return {
        structured: { post: draft, truncated: false, pending: pendingFor(handOff) },
        text: `Saved blog post "${draft.title}" as a draft (id ${draft.id}): ${outcome.reason}.\n\n${writingBriefText(handOff)}`,
      };
    }
    const { generation } = outcome;
    const stored = saveOrKeep("abstract", generation.text, () =>
      store.createPost({
        title: input.title,
        content: input.content,
        abstract: generation.text,
        model: generation.model,
        stopReason: generation.stopReason,
        route: generation.route,
      }),
    );
    deps.resourcesChanged();
    deps.logger.debug(`Stored post ${stored.id}`);
    return {
      structured: { post: stored, truncated: generation.truncated },
      text:
        `Created blog post "${stored.title}" (id ${stored.id}, copydesk://posts/${stored.id}).\n\n` +
        `Abstract, written by ${stored.model}:\n${stored.abstract}${truncationNote(generation.truncated, "abstract")}`,
    };
  },
});
