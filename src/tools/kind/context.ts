import { detectLanguage } from "../../copy/checks/index.ts";
import type { CopyContext } from "../../kinds/kind.ts";
import type { NewRecord, Store } from "../../store/records.ts";
import { resolveBrandVoice } from "../resolve-brand-voice.ts";

/**
 * The brand voice and language a record is written with: the brand asked for (it must exist), else the
 * default voice; the language asked for, else the voice's, else the one the title and keywords are in.
 */
export function copyContext(record: NewRecord, store: Store): CopyContext {
  const asked = typeof record.input.brand === "string" ? record.input.brand : undefined;
  const brand = resolveBrandVoice(store.brands, asked);
  const keywords = Array.isArray(record.input.keywords) ? record.input.keywords.join(" ") : "";
  const language =
    (typeof record.input.language === "string" ? record.input.language : undefined) ??
    brand?.language ??
    detectLanguage(`${record.title} ${keywords}`);
  return { brand, language: language ?? undefined };
}
