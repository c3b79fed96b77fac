import { z } from "zod";
import { brandVoiceOutput, brandVoiceRecord } from "./brand-voice-schemas.ts";
import { defineTool } from "./define-tool.ts";

/** Enough of the guidelines to recognise a voice in a list; the whole is in the structured result. */
const PREVIEW = 100;

export const listBrandVoices = defineTool({
  name: "list_brand_voices",
  title: "List brand voices",
  description:
    "List the stored brand voices by name, with their guidelines, sample, banned words and language, and " +
    "which one is the default.",
  inputSchema: {},
  outputSchema: { voices: z.array(brandVoiceRecord).describe("Every stored voice, by name") },
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handle(_input, deps) {
    const voices = [...deps.store().brands.list()];
    const lines = voices.map((voice) => {
      const guidelines = voice.guidelines.replace(/\s+/g, " ");
      const preview = guidelines.length > PREVIEW ? `${guidelines.slice(0, PREVIEW - 1)}…` : guidelines;
      const facts = [voice.isDefault ? "default" : undefined, voice.language ?? undefined]
        .filter((fact) => fact !== undefined)
        .join(", ");
      return `- ${voice.name}${facts ? ` (${facts})` : ""}: ${preview}`;
    });
    return {
      structured: { voices: voices.map(brandVoiceOutput) },
      text:
        lines.length > 0
          ? `${lines.join("\n")}${voices.some((voice) => voice.isDefault) ? "" : "\n\nNo voice is the default."}`
          : "No brand voices yet: add one with set_brand_voice.",
    };
  },
});
