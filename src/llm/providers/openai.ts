import type { WritingBrief } from "../../kinds/brief.ts";
import type { ProviderConfig } from "./config.ts";
import type { Dialect } from "./http.ts";
import { tokenUsage, usageOf } from "./provider.ts";
import { apiUrl, isRecord, mapStopReason } from "./shape.ts";

/**
 * OpenAI Chat Completions, as spoken by OpenAI and the local servers that copy it (Ollama, LM Studio,
 * vLLM, llama.cpp) and by OpenRouter. Starts with the widely understood `max_tokens` and a temperature,
 * and switches per model to what OpenAI's reasoning models insist on when a 400 says so.
 */
export function openAiDialect(config: ProviderConfig): Dialect {
  let tokenField: "max_tokens" | "max_completion_tokens" = "max_tokens";
  let sendTemperature = true;
  return {
    api: "an OpenAI-compatible API root",
    endpoint: apiUrl(config.url, "/chat/completions"),
    keyVariables: "COPYDESK_PROVIDER_API_KEY (or OPENAI_API_KEY)",
    urlExample: "https://api.openai.com/v1, or http://localhost:11434/v1 for Ollama",
    modelAdvice:
      'Check that the model "MODEL" exists there and this key may use it (--provider-model; for Ollama run `ollama pull MODEL`, and `ollama list` shows what is installed)',
    headers(key) {
      return {
        "content-type": "application/json",
        accept: "application/json",
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      };
    },
    body(brief) {
      return {
        model: config.model,
        messages: [{ role: "system", content: brief.systemPrompt }, ...chatMessages(brief)],
        [tokenField]: brief.maxTokens,
        ...(sendTemperature ? { temperature: brief.temperature } : {}),
        stream: false,
      };
    },
    read(json) {
      if (!isRecord(json) || !Array.isArray(json.choices)) return { malformed: "no choices array" };
      const choice: unknown = json.choices[0];
      if (!isRecord(choice) || !isRecord(choice.message))
        return { malformed: "no message in the first choice" };
      const { content, refusal } = choice.message;
      let text: string;
      if (typeof content === "string") text = content;
      else if (content === null || content === undefined) text = "";
      else if (Array.isArray(content)) {
        // Some compatible servers answer with content parts.
        text = content
          .map((part: unknown) => (isRecord(part) && typeof part.text === "string" ? part.text : ""))
          .join("");
      } else return { malformed: `message content of type ${typeof content}` };
      const finish = typeof refusal === "string" && text === "" ? "refusal" : choice.finish_reason;
      return {
        text,
        model: typeof json.model === "string" && json.model !== "" ? json.model : config.model,
        stopReason: mapStopReason(finish, { length: "maxTokens", stop: "endTurn" }),
        ...usageOf(
          isRecord(json.usage)
            ? tokenUsage(json.usage.prompt_tokens, json.usage.completion_tokens)
            : undefined,
        ),
      };
    },
    adapt(json) {
      const error = isRecord(json) && isRecord(json.error) ? json.error : undefined;
      if (!error) return undefined;
      const param = typeof error.param === "string" ? error.param : "";
      const message = typeof error.message === "string" ? error.message : "";
      if (
        tokenField === "max_tokens" &&
        (param === "max_tokens" || message.includes("max_completion_tokens"))
      ) {
        tokenField = "max_completion_tokens";
        return "max_completion_tokens instead of max_tokens";
      }
      if (sendTemperature && (param === "temperature" || /'temperature'/.test(message))) {
        sendTemperature = false;
        return "the model's default temperature";
      }
      return undefined;
    },
  };
}

/**
 * The prompt as a plain string when there is no image (what every compatible server takes), else
 * content parts with the image as a data URL before the text; then the later turns in order.
 */
function chatMessages(brief: WritingBrief): unknown[] {
  const { image } = brief;
  const prompt = image
    ? [
        { type: "image_url", image_url: { url: `data:${image.mimeType};base64,${image.data}` } },
        { type: "text", text: brief.userPrompt },
      ]
    : brief.userPrompt;
  return [
    { role: "user", content: prompt },
    ...(brief.followUps ?? []).map(({ role, text }) => ({ role, content: text })),
  ];
}
