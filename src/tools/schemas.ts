import { z } from "zod";

/** Bounds keep a runaway argument (a 1 MB title) a validation error instead of a 1 MB prompt. */
export const LIMITS = {
  title: 200,
  content: 100_000,
  keywords: 25,
  keyword: 60,
  pageSize: 100,
  writtenText: 5000,
} as const;

export const title = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(LIMITS.title, `${what} must be at most ${LIMITS.title} characters`);

export const recordId = (what: string) =>
  z.string().trim().min(1, `${what} must not be empty`).max(100, `${what} is too long to be a copydesk id`);

export const pageInput = {
  limit: z
    .number()
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(LIMITS.pageSize, `limit must be at most ${LIMITS.pageSize}`)
    .default(20)
    .describe(`How many to return, newest first (1-${LIMITS.pageSize}, default 20)`),
  cursor: z
    .string()
    .max(200, "cursor is not valid")
    .optional()
    .describe("nextCursor from the previous page; omit for the first page"),
};

const provenance = {
  model: z.string().nullable().describe("The model that wrote the text, as reported; null while a draft"),
  stopReason: z
    .string()
    .nullable()
    .describe('Why the model stopped; "maxTokens" means the text may be cut off'),
  route: z
    .string()
    .describe('Who wrote the text: "client-sampling", "provider" or "host-model" (the calling model)'),
  createdAt: z.string().describe("ISO 8601 time of creation"),
  updatedAt: z.string().describe("ISO 8601 time of the last change"),
};

export const postSummary = z.object({
  id: z.string().describe("The post's id"),
  title: z.string(),
  abstract: z.string().nullable().describe("The abstract the model wrote; null while a draft"),
  ...provenance,
});

export const post = postSummary.extend({ content: z.string().describe("The post's full text") });

export const productRecord = z.object({
  id: z.string().describe("The product's id"),
  title: z.string(),
  keywords: z.array(z.string()),
  description: z.string().nullable().describe("The description the model wrote; null while a draft"),
  ...provenance,
});

export const nextCursor = z.string().optional().describe("Pass as cursor for the next (older) page");

export const writtenText = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(LIMITS.writtenText, `${what} must be at most ${LIMITS.writtenText} characters`);

export const reportedModel = z
  .string()
  .trim()
  .max(100, "model must be at most 100 characters")
  .optional()
  .describe("The name of the model that wrote the text, if known (e.g. claude-sonnet-4-5)");
