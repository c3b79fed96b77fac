import { z } from "zod";
import { blogAbstractBrief } from "../writing/blog-abstract.ts";
import { defineTool } from "./define-tool.ts";
import { truncationNote } from "./notes.ts";
import { saveOrKeep } from "./save.ts";
import { LIMITS, post, title } from "./schemas.ts";

export const createBlog = defineTool({
  name: "create_blog",
  title: "Create blog post",
  description:
    "Store a blog post and have the client's model write its abstract (2-4 sentences). Returns the stored " +
    "post with the abstract and the model that wrote it. The client may ask the user to approve the request.",
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
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handle(input, deps, call) {
    // Open the store first: a broken data folder should fail before the user approves a request.
    const store = deps.store();
    const generation = await deps.sampler.generate(blogAbstractBrief(input), call);
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
    deps.logger.info(`Stored post ${stored.id}`);
    return {
      structured: { post: stored, truncated: generation.truncated },
      text:
        `Created blog post "${stored.title}" (id ${stored.id}, copydesk://posts/${stored.id}).\n\n` +
        `Abstract, written by ${stored.model}:\n${stored.abstract}${truncationNote(generation.truncated, "abstract")}`,
    };
  },
});
