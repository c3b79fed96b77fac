import { z } from "zod";
import type { WritingBrief } from "../writing/brief.ts";

/** Stored as the model when the calling model saves text without saying which model it is. */
export const HOST_MODEL_UNREPORTED = "host model (unreported)";

/** What the calling model needs to write the text itself and save it. */
export const pendingSchema = z
  .object({
    saveWith: z.string().describe("The tool to call with the finished text"),
    instructions: z.string().describe("How to write it (the system prompt a sampling request would carry)"),
    request: z.string().describe("What to write, with the user's material delimited as data"),
  })
  .describe("Present when the text is still to be written by the calling model");

export interface HostModelHandOff {
  readonly what: string;
  readonly id: string;
  readonly saveWith: string;
  readonly brief: WritingBrief;
}

export function pendingFor({ saveWith, brief }: HostModelHandOff): z.infer<typeof pendingSchema> {
  return { saveWith, instructions: brief.systemPrompt, request: brief.userPrompt };
}

/** Tells the calling model (Claude Desktop, Cursor, ...) to write the text with its own model and save it. */
export function writingBriefText(
  { what, id, saveWith, brief }: HostModelHandOff,
  /** "now" asks for the text at once (create_*); "when asked" only says how (a read of a draft). */
  when: "now" | "when asked" = "now",
): string {
  const ask =
    when === "now"
      ? `Please write the ${what} yourself now, following the brief below, then call ${saveWith} with id "${id}" and the ${what}.`
      : `To complete this draft when the user wants it: write the ${what} following the brief below, then call ${saveWith} with id "${id}" and the ${what}.`;
  return [
    ask,
    "Write only the text itself.",
    "",
    "--- Brief ---",
    brief.systemPrompt,
    "",
    brief.userPrompt,
    "--- End of brief ---",
  ].join("\n");
}

/** How lists show a record whose text is still to be written. */
export const DRAFT = "(draft: not written yet; get it by id for the brief)";
