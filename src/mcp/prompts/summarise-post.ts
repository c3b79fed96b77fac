import { z } from "zod";
import { postKind } from "../../kinds/post/kind.ts";
import { definePrompt } from "./define-prompt.ts";
import { recordTitleArgument } from "./record-title.ts";
import { styleArguments, styleInstructions } from "./shared-arguments.ts";

const { create, list, get, saveCopy } = postKind.tools;

export const summarisePost = definePrompt({
  name: "summarise_post",
  title: "Summarise a blog post",
  description: `Get a 2-4 sentence abstract for a blog post: a new one (give its text) is stored with ${create}; for a stored one (name it) the abstract is shown, or written if it is still a draft.`,
  arguments: (deps) => ({
    title: recordTitleArgument(postKind, "The post's title; completes the titles of stored posts", deps),
    content: z
      .string()
      .optional()
      .describe(
        "The post's full text, for a new post; leave empty to summarise the stored post with this title",
      ),
    ...styleArguments(deps),
  }),
  message: ({ title, content, ...style }) => {
    const name = JSON.stringify(title.trim());
    const task = content?.trim()
      ? `Call copydesk's ${create} tool with the title ${name} and this content:\n\n${content.trim()}\n`
      : `Find the stored blog post titled ${name} with copydesk's ${list} tool (page through with nextCursor if needed) and read it with ${get}. If it has an abstract, show it.`;
    return `Summarise a blog post with copydesk. ${task}
${styleInstructions(style)}
If a tool returns a brief instead of the copy (or the stored post is a draft), write the copy as the JSON object the brief describes and save it with ${saveCopy}. Then show me the abstract and its SEO title.`;
  },
});
