import { textLanguage } from "../checks/text-language.ts";
import type { AnyKind } from "../kinds/index.ts";
import type { CopyContext } from "../kinds/kind.ts";
import type { NewRecord, Store } from "../store/records.ts";
import { chooseLanguage, type LanguageChoice } from "../text/language-choice.ts";
import { resolveBrandVoice } from "./resolve-brand-voice.ts";

/** Imported products looked at for a catalog's descriptions: the newest, enough for a sample. */
const CATALOG_SAMPLE = 100;

/** A catalog's language by import id, worked out once per import for as long as the function is kept. */
export type CatalogLanguages = (importId: string) => LanguageChoice | undefined;

/** What working out a record's context reads: the store's voices and catalogs, the server's language. */
export interface CopyContextDeps {
  readonly store: () => Store;
  /** The server-wide default language (--language, COPYDESK_LANGUAGE), when set: else English. */
  readonly language?: string | undefined;
}

/**
 * The brand voice and language a record is written with: the brand asked for (it must exist), else the
 * default voice; the language as chooseLanguage orders the sources. `catalog` lets a job work out the
 * catalog's language once for all its products.
 */
export function copyContext(
  kind: AnyKind,
  record: NewRecord,
  deps: CopyContextDeps,
  catalog: CatalogLanguages = catalogLanguages(deps.store()),
): CopyContext {
  const store = deps.store();
  const asked = typeof record.input.brand === "string" ? record.input.brand : undefined;
  const brand = resolveBrandVoice(store.brands, asked);
  const choice = chooseLanguage({
    call: askedLanguage(record),
    brandVoice: brand?.language,
    material: () =>
      kind.languageFrom === "content"
        ? contentLanguage(record)
        : record.importId
          ? catalog(record.importId)
          : undefined,
    serverDefault: deps.language,
  });
  return { brand, language: choice.language, languageSource: choice.source };
}

/**
 * The language the record was asked for: a stored language counts only when the call gave it. One that
 * copydesk chose (stored by create_* with its source) is chosen again, as the voice or catalog may have
 * changed since.
 */
function askedLanguage(record: NewRecord): string | undefined {
  const { language, language_source: source } = record.input;
  if (typeof language !== "string") return undefined;
  return source === undefined || source === "call" ? language : undefined;
}

/**
 * The language of an import's descriptions (its newest products'), when they have enough words to tell:
 * a product made by hand belongs to no catalog, and a store file says what language the shop sells in.
 */
export function catalogLanguages(store: Store): CatalogLanguages {
  const known = new Map<string, LanguageChoice | undefined>();
  return (importId) => {
    if (!known.has(importId)) {
      const { items } = store.list("product", { limit: CATALOG_SAMPLE, importId });
      const language = textLanguage(
        items
          .map((item) => item.input.existing_description)
          .filter((text): text is string => typeof text === "string"),
      );
      known.set(importId, language ? { language, source: "catalog" } : undefined);
    }
    return known.get(importId);
  };
}

function contentLanguage(record: NewRecord): LanguageChoice | undefined {
  const content = record.input.content;
  const language = typeof content === "string" ? textLanguage([content]) : undefined;
  return language ? { language, source: "content" } : undefined;
}
