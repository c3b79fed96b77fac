import { z } from "zod";
import { languageSourceField } from "../../../kinds/fields.ts";
import type { AnyKind } from "../../../kinds/index.ts";
import { RECORD_STATUSES } from "../../../store/records.ts";

export const checkSchema = z.object({
  check: z
    .string()
    .describe(
      "keywords, length, seo_title, seo_description, banned_words, invented_specs, language, missing_fields or formula_start",
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
