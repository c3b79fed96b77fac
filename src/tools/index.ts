import { KINDS } from "../kinds/index.ts";
import type { AnyTool } from "./define-tool.ts";
import { deleteBrandVoice } from "./delete-brand-voice.ts";
import { kindTools } from "./kind/index.ts";
import { listBrandVoices } from "./list-brand-voices.ts";
import { setBrandVoice } from "./set-brand-voice.ts";

export const TOOLS: readonly AnyTool[] = [
  ...KINDS.flatMap(kindTools),
  setBrandVoice,
  listBrandVoices,
  deleteBrandVoice,
];
