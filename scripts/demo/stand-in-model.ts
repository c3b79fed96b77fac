import type { CreateMessageRequest, CreateMessageResult } from "@modelcontextprotocol/sdk/types.js";

/** Reported as the model, so nobody mistakes the demo's text for an LLM's. */
export const STAND_IN_MODEL = "copydesk-demo-stand-in (not an LLM)";

/**
 * Plays the client's LLM in the demo: it reads the delimited blocks copydesk put in the prompt and
 * writes a plain, predictable text from them. Real text comes from the client's model (or, later, a
 * configured provider).
 */
export function standInModel(request: CreateMessageRequest): CreateMessageResult {
  const content = request.params.messages[0]?.content;
  const prompt = content && !Array.isArray(content) && content.type === "text" ? content.text : "";
  const block = (tag: string) =>
    new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(prompt)?.[1]?.trim() ?? "";
  const text = block("keywords")
    ? `Here is the description:\n${block("product_name")}: ${block("keywords")
        .split("\n")
        .map((line) => line.replace(/^- /, ""))
        .join(", ")}. Stand-in text from the demo model; a real LLM writes the actual copy.`
    : `Here's your abstract:\n"${block("title")}": ${block("content")}. Stand-in text from the demo model; a real LLM writes the actual abstract.`;
  return { role: "assistant", model: STAND_IN_MODEL, stopReason: "endTurn", content: { type: "text", text } };
}
