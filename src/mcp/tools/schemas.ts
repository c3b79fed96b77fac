import { z } from "zod";

/** Bounds keep a runaway argument (a 1 MB title) a validation error instead of a 1 MB prompt. */
export const LIMITS = {
  pageSize: 100,
  writtenText: 5000,
} as const;

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
