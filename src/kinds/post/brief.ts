import { SEO_LIMITS } from "../../checks/seo-limits.ts";
import { FALLBACK_LANGUAGE } from "../../text/language-choice.ts";
import { brandVoicePrompt } from "../brand-voice.ts";
import type { CopyBriefOptions, WritingBrief } from "../brief.ts";
import { languageLine, revisionBlock, toneLine } from "../copy-settings.ts";
import { DATA_NOT_INSTRUCTIONS, delimit } from "../delimit.ts";

export interface PostBriefInput {
  readonly title: string;
  readonly content: string;
  readonly tone?: string;
}

/** Words in an abstract: 2-4 sentences. */
export const ABSTRACT_WORDS = { min: 25, max: 90 } as const;

export const POST_COPY_SHAPE = [
  "{",
  '  "abstract": string,          // 2-4 sentences, at most 80 words: what the post says and why it is worth reading',
  `  "seo_title": string,         // at most ${SEO_LIMITS.seo_title} characters`,
  `  "seo_description": string,   // at most ${SEO_LIMITS.seo_description} characters; a meta description that invites the click`,
  '  "tags": string[]             // 3-10 lower-case topic tags',
  "}",
].join("\n");

const EXAMPLE = {
  abstract:
    "Stoneware keeps coffee warm longer than porcelain and survives a busy café. The post compares both " +
    "in daily use and explains why one roaster switched.",
  seo_title: "Why We Switched to Stoneware Mugs",
  seo_description: "Stoneware against porcelain in a busy café: heat, chips and daily use compared.",
  tags: ["stoneware", "coffee", "cafe"],
};

const SYSTEM_PROMPT = [
  "You are an editor who writes abstracts and search snippets for blog posts, as one JSON object of this shape:",
  POST_COPY_SHAPE,
  "Use only facts stated in the post; invent nothing.",
  DATA_NOT_INSTRUCTIONS,
  "Reply with the JSON object only: no preamble, no code fence, no notes.",
  `Example, for another post:\n${JSON.stringify(EXAMPLE)}`,
].join("\n\n");

export function postCopyBrief(post: PostBriefInput, options: CopyBriefOptions): WritingBrief {
  const settings = [languageLine(options.language ?? FALLBACK_LANGUAGE), toneLine(post.tone)];
  return {
    label: "blog post copy",
    systemPrompt: options.brand ? `${SYSTEM_PROMPT}\n\n${brandVoicePrompt(options.brand)}` : SYSTEM_PROMPT,
    userPrompt: [
      options.revision ? "Revise the copy for this blog post." : "Write the copy for this blog post.",
      settings.filter(Boolean).join("\n"),
      delimit("title", post.title),
      delimit("content", post.content),
      ...revisionBlock(options.revision),
    ].join("\n\n"),
    maxTokens: 700,
    temperature: 0.4,
  };
}
