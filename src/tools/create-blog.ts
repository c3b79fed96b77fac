import { z } from "zod";
import { blogAbstractBrief } from "../writing/blog-abstract.ts";
import { defineTool } from "./define-tool.ts";
import { pendingSchema } from "./host-model.ts";
import { POST } from "./record-kinds.ts";
import { LIMITS, post, title } from "./schemas.ts";
import { withPending, writeAndStore } from "./write-and-store.ts";

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
    const written = await writeAndStore({
      kind: POST,
      brief: blogAbstractBrief(input),
      deps,
      call,
      insert: (store, abstract, provenance) => store.createPost({ ...input, abstract, ...provenance }),
    });
    return {
      structured: withPending({ post: written.record, truncated: written.truncated }, written),
      text: written.text,
    };
  },
});
