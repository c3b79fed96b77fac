import { blogAbstractBrief } from "../writing/blog-abstract.ts";
import { defineTool } from "./define-tool.ts";
import { NotFoundError } from "./failures.ts";
import { writingBriefText } from "./host-model.ts";
import { POST } from "./record-kinds.ts";
import { post, recordId } from "./schemas.ts";

export const getPost = defineTool({
  name: "get_post",
  title: "Get blog post",
  description:
    "Get one stored blog post by id: title, full text, abstract and the model that wrote it. For a draft, " +
    "also the brief for writing its abstract.",
  inputSchema: { id: recordId("id").describe("The post's id, as returned by create_blog or list_posts") },
  outputSchema: { post },
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handle({ id }, deps) {
    const found = deps.store().getPost(id);
    if (!found) throw new NotFoundError(`There is no blog post with id "${id}". list_posts shows the ids.`);
    const abstract =
      found.abstract === null
        ? `Draft: no abstract yet.\n\n${writingBriefText({ what: POST.what, id: found.id, saveWith: POST.saveWith, brief: blogAbstractBrief(found) }, "when asked")}`
        : `Abstract (written by ${found.model}):\n${found.abstract}`;
    return {
      structured: { post: found },
      text: `${found.title} (id ${found.id}, ${found.createdAt})\n\n${abstract}\n\nContent:\n${found.content}`,
    };
  },
});
