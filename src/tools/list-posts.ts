import { z } from "zod";
import { defineTool } from "./define-tool.ts";
import { DRAFT } from "./host-model.ts";
import { nextCursor, pageInput, postSummary } from "./schemas.ts";

export const listPosts = defineTool({
  name: "list_posts",
  title: "List blog posts",
  description:
    "List stored blog posts, newest first, with their abstracts (not their full text: use get_post).",
  inputSchema: pageInput,
  outputSchema: { posts: z.array(postSummary), nextCursor },
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handle({ limit, cursor }, deps) {
    const page = deps.store().listPosts({ limit, cursor });
    const posts = [...page.items];
    const lines = posts.map((p) => `- ${p.title} (id ${p.id}, ${p.createdAt}): ${p.abstract ?? DRAFT}`);
    return {
      structured: page.nextCursor ? { posts, nextCursor: page.nextCursor } : { posts },
      text:
        (lines.length > 0 ? lines.join("\n") : "No blog posts yet: create one with create_blog.") +
        (page.nextCursor ? `\n\nMore posts: call again with cursor "${page.nextCursor}".` : ""),
    };
  },
});
