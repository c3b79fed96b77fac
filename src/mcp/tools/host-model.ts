import { z } from "zod";
import type { WritingBrief } from "../../kinds/brief.ts";
import type { AnyKind } from "../../kinds/index.ts";

/** Stored as the model when the calling model saves copy without saying which model it is. */
export const HOST_MODEL_UNREPORTED = "host model (unreported)";

/** What the calling model needs to write the copy itself and save it. */
export const pendingSchema = z
  .object({
    saveWith: z.string().describe("The tool to call with the finished copy"),
    instructions: z.string().describe("How to write it (the system prompt a sampling request would carry)"),
    request: z.string().describe("What to write, with the user's material delimited as data"),
  })
  .describe("Present when the copy is still to be written by the calling model");

export interface HostModelHandOff {
  readonly kind: AnyKind;
  readonly id: string;
  readonly brief: WritingBrief;
}

export function pendingFor({ kind, brief }: HostModelHandOff): z.infer<typeof pendingSchema> {
  return { saveWith: kind.tools.saveCopy, instructions: brief.systemPrompt, request: brief.userPrompt };
}

/** Tells the calling model (Claude Desktop, Cursor, ...) to write the copy with its own model and save it. */
export function writingBriefText(
  { kind, id, brief }: HostModelHandOff,
  /** "now" asks for the copy at once (create, revise); "when asked" only says how (a read of a draft). */
  when: "now" | "when asked" = "now",
): string {
  const save = `call ${kind.tools.saveCopy} with id "${id}" and copy: that JSON object`;
  const ask =
    when === "now"
      ? `Please write the copy yourself now, as the JSON object the brief below describes, then ${save}.`
      : `To complete this draft when the user wants it: write the copy as the JSON object the brief below describes, then ${save}.`;
  return [ask, "", "--- Brief ---", brief.systemPrompt, "", brief.userPrompt, "--- End of brief ---"].join(
    "\n",
  );
}
