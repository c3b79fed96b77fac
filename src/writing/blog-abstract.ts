import type { WritingBrief } from "./brief.ts";
import { DATA_NOT_INSTRUCTIONS, delimit, OUTPUT_RULES } from "./delimit.ts";

export interface BlogInput {
  readonly title: string;
  readonly content: string;
}

const SYSTEM_PROMPT = [
  "You are an editor who writes abstracts for blog posts.",
  "An abstract is 2 to 4 sentences (at most 80 words) that tell a reader what the post says and why it",
  "is worth reading. Use only facts stated in the post; invent nothing. Match the post's language.",
  DATA_NOT_INSTRUCTIONS,
  OUTPUT_RULES,
].join(" ");

export function blogAbstractBrief(post: BlogInput): WritingBrief {
  return {
    kind: "blog abstract",
    systemPrompt: SYSTEM_PROMPT,
    userPrompt: [
      "Write the abstract for this blog post.",
      delimit("title", post.title),
      delimit("content", post.content),
    ].join("\n\n"),
    maxTokens: 300,
    temperature: 0.4,
  };
}
