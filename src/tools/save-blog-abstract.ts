import { defineTool } from "./define-tool.ts";
import { POST } from "./record-kinds.ts";
import { saveWrittenText } from "./save-written-text.ts";
import { LIMITS, post, recordId, reportedModel, writtenText } from "./schemas.ts";

export const saveBlogAbstract = defineTool({
  name: "save_blog_abstract",
  title: "Save blog abstract",
  description:
    "Save an abstract you wrote for a stored blog post: completes a draft left by create_blog when no " +
    "model could be asked, or replaces an existing abstract.",
  inputSchema: {
    id: recordId("id").describe("The post's id, as returned by create_blog or list_posts"),
    abstract: writtenText("abstract").describe(
      `The abstract, text only (at most ${LIMITS.writtenText} characters)`,
    ),
    model: reportedModel,
  },
  outputSchema: { post },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async handle({ id, abstract, model }, deps) {
    const saved = saveWrittenText({
      kind: POST,
      id,
      text: abstract,
      model,
      deps,
      save: (store, postId, text, provenance) => store.saveAbstract(postId, text, provenance),
    });
    return { structured: { post: saved.record }, text: saved.text };
  },
});
