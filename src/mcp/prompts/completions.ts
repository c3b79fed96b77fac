import { TONE_PRESETS } from "../../kinds/copy-settings.ts";
import type { AnyKind } from "../../kinds/index.ts";
import type { Store } from "../../store/records.ts";

/** Tone presets the prompts offer, the ones every kind's tone takes; free text is accepted too. */
export const TONES: readonly string[] = Object.keys(TONE_PRESETS);

/** Common shop languages as BCP 47 tags; any other tag or language name is accepted too. */
export const LANGUAGES = [
  "en",
  "en-US",
  "en-GB",
  "de",
  "fr",
  "es",
  "it",
  "nl",
  "pt",
  "pt-BR",
  "sv",
  "da",
  "nb",
  "fi",
  "pl",
  "cs",
  "ja",
  "ko",
  "zh-CN",
  "zh-TW",
] as const;

/** How many stored records a completion looks through, newest first. */
const SCANNED = 200;

/** The candidates that start with what was typed (ignoring case), then those that contain it. */
export function matching(candidates: Iterable<string>, typed: string | undefined): string[] {
  const needle = (typed ?? "").trim().toLowerCase();
  const unique = [...new Set(candidates)];
  const starts = unique.filter((value) => value.toLowerCase().startsWith(needle));
  const contains = unique.filter(
    (value) => !value.toLowerCase().startsWith(needle) && value.toLowerCase().includes(needle),
  );
  return [...starts, ...contains];
}

/** Names of the stored brand voices; an unusable store completes nothing rather than failing. */
export async function storedBrandNames(store: () => Promise<Store>): Promise<string[]> {
  try {
    return (await store()).brands.list().map((voice) => voice.name);
  } catch {
    return [];
  }
}

/** Titles of the newest stored records of a kind; an unusable store completes nothing rather than failing. */
export async function storedTitles(store: () => Promise<Store>, kind: AnyKind): Promise<string[]> {
  try {
    const opened = await store();
    const found: string[] = [];
    let cursor: string | undefined;
    do {
      const page = opened.list(kind.name, { limit: 100, cursor });
      found.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor;
    } while (cursor && found.length < SCANNED);
    return found;
  } catch {
    // A completion is a convenience: the tool call that needs the store reports why it is unusable.
    return [];
  }
}
