import type { CreateMessageRequest } from "@modelcontextprotocol/sdk/types.js";
import { STAND_IN_MODEL, standInModel } from "../../scripts/demo/stand-in-model.ts";
import type { SamplingHandler } from "./server-process.ts";

export { STAND_IN_MODEL };

/** Plays a model that answers every request with copy that passes copydesk's checks. */
export const copywriter =
  (model = "test-model-1"): SamplingHandler =>
  async (request: CreateMessageRequest) => ({ ...standInModel(request), model });

/** Valid product copy as a model writes it, with fields to override. */
export function productCopy(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    description:
      "A sturdy red mug that keeps coffee warm through slow mornings. Its glaze is dishwasher-safe, so it " +
      "goes from the breakfast table to the rack without a second thought, and it holds 350 ml, enough for " +
      "a proper cup.\n\nThe wide handle sits comfortably in the hand, and the thick stoneware walls keep the " +
      "heat in while you read the paper or answer the first emails of the day. It is a mug for people who " +
      "like their coffee hot and their mornings unhurried, and it makes a simple, welcome gift.",
    short_description: "A red stoneware mug that holds 350 ml and keeps coffee warm.",
    bullets: ["Red stoneware glaze", "Dishwasher-safe", "Holds 350 ml"],
    seo_title: "Red Stoneware Mug, 350 ml, Dishwasher-Safe",
    seo_description: "A red stoneware mug that holds 350 ml, keeps coffee warm and is dishwasher-safe.",
    tags: ["mug", "red", "stoneware"],
    ...overrides,
  };
}

/** Valid blog-post copy as a model writes it. */
export function postCopy(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    abstract:
      "Python is named after the comedy group Monty Python, not the snake. The post tells how its creator " +
      "chose the name while reading the scripts of Monty Python's Flying Circus.",
    seo_title: "Where the Name Python Comes From",
    seo_description: "Python is named after Monty Python's Flying Circus, not the snake.",
    tags: ["python", "history"],
    ...overrides,
  };
}

export const asReply = (copy: Record<string, unknown>) => JSON.stringify(copy);

/** Answers with these texts in turn, then as `then` does (a copywriter by default). */
export function scripted(texts: readonly string[], then: SamplingHandler = copywriter()): SamplingHandler {
  const queue = [...texts];
  return async (request, extra) => {
    const text = queue.shift();
    if (text === undefined) return then(request, extra);
    return {
      role: "assistant",
      model: "test-model-1",
      stopReason: "endTurn",
      content: { type: "text", text },
    };
  };
}

/** The text of the last message of a sampling request: the follow-up copydesk sent, or the prompt. */
export function lastMessageText(request: CreateMessageRequest["params"] | undefined): string {
  const content = request?.messages.at(-1)?.content;
  return content && !Array.isArray(content) && content.type === "text" ? content.text : "";
}

/**
 * Plays a model whose main text (the description, or a post's abstract) starts with this text and goes on
 * as the stand-in copywriter writes it, so it passes the checks: for tests that follow a text through.
 */
export function writing(
  text: string | ((request: CreateMessageRequest) => string),
  model = "test-model-1",
): SamplingHandler {
  return async (request) => {
    const reply = standInModel(request);
    const copy = JSON.parse((reply.content as { text: string }).text) as Record<string, unknown>;
    const main = typeof text === "string" ? text : text(request);
    const field = "abstract" in copy ? "abstract" : "description";
    copy[field] = `${main} ${String(copy[field])}`;
    return { ...reply, model, content: { type: "text", text: JSON.stringify(copy) } };
  };
}
