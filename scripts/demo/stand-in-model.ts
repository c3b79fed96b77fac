import type { CreateMessageRequest, CreateMessageResult } from "@modelcontextprotocol/sdk/types.js";

/** Reported as the model, so nobody mistakes the demo's text for an LLM's. */
export const STAND_IN_MODEL = "copydesk-demo-stand-in (not an LLM)";

const FILLER = [
  "This is stand-in text from the demo model; a real LLM writes the actual copy.",
  "It is made for everyday use and is easy to live with.",
  "Every detail is there for a reason, and nothing is there for show.",
  "It fits into a busy day without asking for attention.",
  "Give it a place where you will see it often.",
];

/**
 * Plays the client's LLM in the demo and the tests: it reads the delimited blocks copydesk put in the
 * prompt and answers with copy in the JSON shape asked for, built predictably from the keywords and
 * the length asked for, so it passes copydesk's checks. Real copy comes from a real model.
 */
export function standInCopy(prompt: string): string {
  const block = (tag: string) =>
    new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(prompt)?.[1]?.trim() ?? "";
  const words = /has (\d+)-(\d+) words/.exec(prompt);
  const product = block("product_name");
  if (product) {
    const keywords = block("keywords")
      .split("\n")
      .map((line) => line.replace(/^- /, "").trim())
      .filter(Boolean);
    const min = Number(words?.[1] ?? 75);
    const opening =
      keywords.length > 0 ? `${product} brings together ${list(keywords)}.` : `${product} is here.`;
    const description = fill(opening, min + 5);
    return JSON.stringify({
      description,
      short_description:
        keywords.length > 0 ? `${product}: ${list(keywords)}.` : `${product}, described by a stand-in.`,
      bullets: [
        ...keywords.slice(0, 3),
        "Stand-in line from the demo model",
        "Made for everyday use",
        "Easy to care for",
      ],
      seo_title: cut(product, 60),
      seo_description: cut(
        `${product}${keywords.length > 0 ? `: ${list(keywords)}` : ""}. Stand-in copy.`,
        160,
      ),
      tags: keywords.length > 0 ? keywords.slice(0, 10).map((k) => k.toLowerCase()) : ["stand-in"],
    });
  }
  const title = block("title");
  return JSON.stringify({
    abstract: fill(`"${title}" is summed up here by a stand-in.`, 30),
    seo_title: cut(title, 60),
    seo_description: cut(`${title}: a stand-in summary from the demo model.`, 160),
    tags: ["stand-in", "demo"],
  });
}

export function standInModel(request: CreateMessageRequest): CreateMessageResult {
  const first = request.params.messages.find(
    (message) => !Array.isArray(message.content) && message.content.type === "text",
  );
  const prompt =
    first && !Array.isArray(first.content) && first.content.type === "text" ? first.content.text : "";
  return {
    role: "assistant",
    model: STAND_IN_MODEL,
    stopReason: "endTurn",
    content: { type: "text", text: standInCopy(prompt) },
  };
}

function list(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");
}

function fill(opening: string, minWords: number): string {
  const sentences = [opening];
  for (let i = 0; sentences.join(" ").split(/\s+/).length < minWords; i++) {
    sentences.push(FILLER[i % FILLER.length] as string);
  }
  return sentences.join(" ");
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}
