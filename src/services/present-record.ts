import type { Check } from "../checks/index.ts";
import type { AnyKind } from "../kinds/index.ts";
import type { StoredRecord } from "../store/records.ts";
import type { LanguageSource } from "../text/language-choice.ts";

/** A record as data, for tools' structured results and resources: its fields, the version shown, who wrote it. */
export function presentRecord(kind: AnyKind, record: StoredRecord, full = true): Record<string, unknown> {
  const shown = record.current;
  return {
    id: record.id,
    title: record.title,
    ...kind.present(record, full),
    ...writtenLanguage(shown?.checks ?? null),
    [kind.mainField]: shown ? String(shown.copy[kind.mainField] ?? "") : null,
    copy: shown?.copy ?? null,
    version: shown?.version ?? null,
    latestVersion: record.latestVersion,
    status: record.status,
    checks: shown?.checks ?? null,
    model: shown?.model ?? null,
    route: shown?.route ?? null,
    stopReason: shown?.stopReason ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The language a version was written and checked in, and what chose it, as its language check keeps them. */
export function writtenLanguage(
  checks: readonly Check[] | null,
): { language: string; language_source?: LanguageSource } | Record<string, never> {
  const check = checks?.find((c) => c.check === "language" && c.language !== undefined);
  if (check?.language === undefined) return {};
  return {
    language: check.language,
    ...(check.language_source ? { language_source: check.language_source } : {}),
  };
}
