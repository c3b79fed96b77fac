import { type Check, failedChecks } from "../checks/index.ts";
import type { AnyKind } from "../kinds/index.ts";
import type { StoredRecord } from "../store/records.ts";
import { languageSourceText } from "../text/language-choice.ts";
import { writtenLanguage } from "./present-record.ts";

const LABELS: Readonly<Record<string, string>> = {
  short_description: "Short description",
  seo_title: "SEO title",
  seo_description: "SEO description",
};
const LIMITS: Readonly<Record<string, number>> = { seo_title: 60, seo_description: 160 };

/** A record for a person: its fields, its copy field by field, and what the checks found. */
export function recordText(kind: AnyKind, record: StoredRecord): string {
  const shown = record.current;
  const head = `"${record.title}" (id ${record.id}, copydesk://${kind.listKey}/${record.id})`;
  if (!shown) return [head, ...kind.describe(record), "", "Draft: no copy yet."].join("\n");
  const lines = [
    `${head}: version ${shown.version} of ${record.latestVersion}, written by ${shown.model ?? "an unnamed model"} (${shown.route})`,
    ...kind.describe(record),
    ...languageLines(shown.checks),
    "",
    ...copyLines(shown.copy),
    "",
    checksText(shown.checks),
  ];
  return lines.join("\n");
}

function languageLines(checks: readonly Check[] | null): string[] {
  const { language, language_source: source } = writtenLanguage(checks);
  if (language === undefined) return [];
  return [`Language: ${language}${source ? ` (${languageSourceText(source)})` : ""}`];
}

export function copyLines(copy: Readonly<Record<string, unknown>>): string[] {
  const lines: string[] = [];
  for (const [field, value] of Object.entries(copy)) {
    if (field.endsWith("_html")) continue;
    const label = LABELS[field] ?? field.charAt(0).toUpperCase() + field.slice(1);
    if (Array.isArray(value)) {
      lines.push(
        field === "tags"
          ? `Tags: ${value.join(", ")}`
          : `${label}:\n${value.map((v) => `- ${v}`).join("\n")}`,
      );
    } else {
      const text = String(value);
      const limit = LIMITS[field];
      const counted = limit === undefined ? label : `${label} (${[...text].length}/${limit})`;
      lines.push(text.includes("\n") || text.length > 120 ? `${counted}:\n${text}` : `${counted}: ${text}`);
    }
  }
  return lines;
}

export function checksText(checks: readonly Check[] | null): string {
  if (checks === null) return "Checks: not run (this copy was kept from an earlier copydesk).";
  const failed = failedChecks(checks);
  if (failed.length === 0) return "Checks: all passed.";
  return `Checks that still fail:\n${failed.map((c) => `- ${c.check}: ${c.detail}`).join("\n")}`;
}
