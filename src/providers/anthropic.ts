import type { ProviderConfig } from "./config.ts";
import type { Dialect } from "./http.ts";
import { apiUrl, isRecord, mapStopReason } from "./shape.ts";

/** The version of the Messages API whose request and reply shapes this file speaks. */
export const ANTHROPIC_VERSION = "2023-06-01";

/** Anthropic's Messages API (and servers that copy it, such as Ollama's /v1/messages). */
export function anthropicDialect(config: ProviderConfig): Dialect {
  // The documented base is the host; accept a base that already ends in /v1 rather than 404 on /v1/v1.
  const root = new URL(config.url);
  root.pathname = root.pathname.replace(/\/+$/, "").replace(/\/v1$/, "");
  return {
    api: "an Anthropic Messages API root",
    endpoint: apiUrl(root.href, "/v1/messages"),
    keyVariables: "COPYDESK_PROVIDER_API_KEY (or ANTHROPIC_API_KEY)",
    urlExample: "https://api.anthropic.com",
    modelAdvice:
      'Check the model name "MODEL" (--provider-model; Anthropic lists current names at docs.anthropic.com, under Models)',
    headers(key) {
      return {
        "content-type": "application/json",
        accept: "application/json",
        "anthropic-version": ANTHROPIC_VERSION,
        ...(key ? { "x-api-key": key } : {}),
      };
    },
    body(brief) {
      return {
        model: config.model,
        max_tokens: brief.maxTokens,
        system: brief.systemPrompt,
        messages: [{ role: "user", content: brief.userPrompt }],
        temperature: brief.temperature,
      };
    },
    read(json) {
      if (!isRecord(json) || !Array.isArray(json.content)) return { malformed: "no content array" };
      // Thinking and tool blocks are not part of the text.
      const text = json.content
        .map((block: unknown) =>
          isRecord(block) && block.type === "text" && typeof block.text === "string" ? block.text : "",
        )
        .join("");
      return {
        text,
        model: typeof json.model === "string" && json.model !== "" ? json.model : config.model,
        stopReason: mapStopReason(json.stop_reason, {
          max_tokens: "maxTokens",
          end_turn: "endTurn",
          stop_sequence: "stopSequence",
        }),
      };
    },
  };
}
