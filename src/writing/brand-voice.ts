// STAND-IN until the brand branch lands.
import type { BrandVoice } from "../store/brand-voices.ts";
import { delimit } from "./delimit.ts";
export function brandVoicePrompt(voice: BrandVoice): string {
  return [
    `Write in the brand voice "${voice.name}":`,
    delimit("brand_guidelines", voice.guidelines),
    voice.example ? delimit("brand_example", voice.example) : "",
    voice.bannedWords.length ? `Never use these words: ${voice.bannedWords.join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join("\n");
}
