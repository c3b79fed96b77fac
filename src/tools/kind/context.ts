import { detectLanguage } from "../../copy/checks/index.ts";
import type { CopyContext } from "../../kinds/kind.ts";
import type { NewRecord, Store } from "../../store/records.ts";
import { NotFoundError } from "../failures.ts";

/**
 * The brand voice and language a record is written with: the brand asked for (it must exist), else the
 * default voice; the language asked for, else the voice's, else the one the title and keywords are in.
 */
export function copyContext(record: NewRecord, store: Store): CopyContext {
  const asked = record.input.brand;
  const brand = typeof asked === "string" ? store.brands.get(asked) : store.brands.getDefault();
  if (typeof asked === "string" && !brand) {
    const names = store.brands.list().map((voice) => voice.name);
    throw new NotFoundError(
      `There is no brand voice named "${asked}". ` +
        (names.length > 0
          ? `The stored ones are: ${names.join(", ")}.`
          : "None is stored yet: add one with set_brand_voice."),
    );
  }
  const keywords = Array.isArray(record.input.keywords) ? record.input.keywords.join(" ") : "";
  const language =
    (typeof record.input.language === "string" ? record.input.language : undefined) ??
    brand?.language ??
    detectLanguage(`${record.title} ${keywords}`);
  return { brand, language: language ?? undefined };
}
