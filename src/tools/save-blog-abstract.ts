import { cleanReply } from "../sampling/clean-reply.ts";
import { defineTool } from "./define-tool.ts";
import { NotFoundError, TextRejectedError } from "./failures.ts";
import { HOST_MODEL_UNREPORTED } from "./host-model.ts";
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
    const text = cleanReply(abstract);
    if (text === "")
      throw new TextRejectedError(
        "The abstract is empty once its preamble is removed: send the abstract itself.",
      );
    const saved = deps.store().saveAbstract(id, text, {
      model: model || HOST_MODEL_UNREPORTED,
      stopReason: null,
      route: "host-model",
    });
    if (!saved) throw new NotFoundError(`There is no blog post with id "${id}". list_posts shows the ids.`);
    deps.resourcesChanged();
    deps.logger.debug(`Saved the abstract of post ${saved.id}`);
    return {
      structured: { post: saved },
      text: `Saved the abstract of "${saved.title}" (id ${saved.id}, copydesk://posts/${saved.id}):\n${saved.abstract}`,
    };
  },
});
