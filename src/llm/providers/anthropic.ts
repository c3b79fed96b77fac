import type { WritingBrief } from "../../kinds/brief.ts";
import type { ProviderConfig } from "./config.ts";
import type { Dialect } from "./http.ts";
import { tokenUsage, usageOf } from "./provider.ts";
import { apiUrl, isRecord, mapStopReason } from "./shape.ts";

/**
 * The Messages API version this file speaks. 2023-06-01 still takes `temperature`; 2026-10-21 (the
 * default of @anthropic-ai/sdk 1.x) answers 400 to any temperature, and the request and reply shapes
 * used here are otherwise the same in both. Moving on is this constant plus never sending temperature.
 */
export const ANTHROPIC_VERSION = "2023-06-01";

/** Anthropic's Messages API (and servers that copy it, such as Ollama's /v1/messages). */
export function anthropicDialect(config: ProviderConfig): Dialect {
  // The documented base is the host; accept a base that already ends in /v1 rather than 404 on /v1/v1.
  const root = new URL(config.url);
  root.pathname = root.pathname.replace(/\/+$/, "").replace(/\/v1$/, "");
  // Some models refuse any temperature even on 2023-06-01 (Opus 4.7 and later): dropped on their 400.
  let sendTemperature = true;
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
        messages: messagesFor(brief),
        ...(sendTemperature ? { temperature: brief.temperature } : {}),
      };
    },
    adapt(json) {
      const error = isRecord(json) && isRecord(json.error) ? json.error : undefined;
      const message = typeof error?.message === "string" ? error.message : "";
      if (sendTemperature && /\btemperature\b/.test(message)) {
        sendTemperature = false;
        return "the model's default temperature";
      }
      return undefined;
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
        ...usageOf(
          isRecord(json.usage)
            ? tokenUsage(
                // Cached prompt tokens are counted apart from input_tokens: they are input all the same.
                Number(json.usage.input_tokens ?? 0) +
                  Number(json.usage.cache_read_input_tokens ?? 0) +
                  Number(json.usage.cache_creation_input_tokens ?? 0),
                json.usage.output_tokens,
              )
            : undefined,
        ),
      };
    },
  };
}

type ContentBlock =
  | { readonly type: "text"; readonly text: string }
  | {
      readonly type: "image";
      readonly source: { readonly type: "base64"; readonly media_type: string; readonly data: string };
    };

/**
 * The prompt as a plain string when there is no image and no later turn (as before), else blocks: the
 * image before the text, as Anthropic advises, then the later turns. The API wants roles to alternate
 * and refuses empty text blocks, so empty turns are left out and turns of the same role are merged.
 */
function messagesFor(brief: WritingBrief): unknown[] {
  const { image } = brief;
  if (!image && !brief.followUps?.length) return [{ role: "user", content: brief.userPrompt }];
  const turns: Array<{ role: "user" | "assistant"; content: ContentBlock[] }> = [
    {
      role: "user",
      content: [
        ...(image
          ? [
              {
                type: "image" as const,
                source: { type: "base64" as const, media_type: image.mimeType, data: image.data },
              },
            ]
          : []),
        { type: "text", text: brief.userPrompt },
      ],
    },
  ];
  for (const { role, text } of brief.followUps ?? []) {
    if (text.trim() === "") continue;
    const last = turns[turns.length - 1];
    if (last?.role === role) last.content.push({ type: "text", text });
    else turns.push({ role, content: [{ type: "text", text }] });
  }
  return turns;
}
