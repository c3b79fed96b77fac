import { z } from "zod";
import { type Check, failedChecks, SEO_LIMITS } from "../../../checks/index.ts";
import { languageSourceField } from "../../../kinds/fields.ts";
import type { AnyKind } from "../../../kinds/index.ts";
import { RECORD_STATUSES, type StoredRecord } from "../../../store/records.ts";
import { type LanguageSource, languageSourceText } from "../../../text/language-choice.ts";

export const checkSchema = z.object({
  check: z
    .string()
    .describe(
      "keywords, length, seo_title, seo_description, banned_words, invented_specs, language or missing_fields",
    ),
  ok: z.boolean(),
  detail: z.string().describe("What was found, in words"),
  language: z.string().optional().describe("The language check: the language checked for"),
  language_source: languageSourceField,
});

/**
 * One schema object per kind, shared by the eight tools that return a record: each zod object is a few KB
 * in the V8 startup snapshot that every start deserialises, and a schema built per tool made ~600 more.
 */
const recordSchemas = new WeakMap<AnyKind, z.ZodType<Record<string, unknown>>>();

/** A record as tools return it: its own fields, the version shown and how it was written. */
export function recordSchema(kind: AnyKind): z.ZodType<Record<string, unknown>> {
  let schema = recordSchemas.get(kind);
  if (!schema) {
    schema = buildRecordSchema(kind);
    recordSchemas.set(kind, schema);
  }
  return schema;
}

function buildRecordSchema(kind: AnyKind): z.ZodType<Record<string, unknown>> {
  return z.object({
    id: z.string().describe(`The ${kind.noun}'s id`),
    title: z.string(),
    ...kind.recordFields,
    [kind.mainField]: z
      .string()
      .nullable()
      .describe(`The ${kind.mainField} (also in copy); null while a draft`),
    copy: kind.copyOutput.nullable().describe("The copy of the version shown; null while a draft"),
    version: z.number().int().nullable().describe("The version shown; null while a draft"),
    latestVersion: z.number().int().describe("The newest version; 0 while a draft"),
    status: z
      .enum(RECORD_STATUSES)
      .describe(
        "draft (no copy), written, needs_review (a check failed or a person edited it), approved, exported",
      ),
    checks: z
      .array(checkSchema)
      .nullable()
      .describe("The checks run on this copy; null when they were not run"),
    model: z
      .string()
      .nullable()
      .describe("The model that wrote this version, as reported; null while a draft"),
    route: z
      .string()
      .nullable()
      .describe('Who wrote it: "client-sampling", "provider" or "host-model" (the calling model)'),
    stopReason: z.string().nullable().describe('Why the model stopped; "maxTokens" means it may be cut off'),
    createdAt: z.string().describe("ISO 8601 time of creation"),
    updatedAt: z.string().describe("ISO 8601 time of the last change"),
  });
}

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
function writtenLanguage(
  checks: readonly Check[] | null,
): { language: string; language_source?: LanguageSource } | Record<string, never> {
  const check = checks?.find((c) => c.check === "language" && c.language !== undefined);
  if (check?.language === undefined) return {};
  return {
    language: check.language,
    ...(check.language_source ? { language_source: check.language_source } : {}),
  };
}

const LABELS: Readonly<Record<string, string>> = {
  short_description: "Short description",
  seo_title: "SEO title",
  seo_description: "SEO description",
};
const LIMITS: Readonly<Record<string, number>> = SEO_LIMITS;

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
