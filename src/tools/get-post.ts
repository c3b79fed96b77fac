import { defineTool } from "./define-tool.ts";
import { NotFoundError } from "./failures.ts";
import { post, recordId } from "./schemas.ts";

export const getPost = defineTool({
  name: "get_post",
  title: "Get blog post",
  description: "Get one stored blog post by id: title, full text, abstract and the model that wrote it.",
  inputSchema: { id: recordId("id").describe("The post's id, as returned by create_blog or list_posts") },
  outputSchema: { post },
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handle({ id }, deps) {
    const found = deps.store().getPost(id);
    if (!found) throw new NotFoundError(`There is no blog post with id "${id}". list_posts shows the ids.`);
    return {
      structured: { post: found },
      text: `${found.title} (id ${found.id}, written by ${found.model}, ${found.createdAt})\n\nAbstract:\n${found.abstract}\n\nContent:\n${found.content}`,
    };
  },
});
