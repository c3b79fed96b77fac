import { cleanReply } from "../text/clean-reply.ts";
import { cleanStrings } from "../text/clean-strings.ts";

/** Fewer words than this are no copy anyone would keep ("OK.", "Done!"). */
const MIN_WORDS = 3;

const ACK = String.raw`(?:(?:sure|certainly|of course|okay|ok|well)[!,.]*\s+)?`;
/** A model declining, or excusing itself: not copy, whatever follows. */
const REFUSAL = new RegExp(
  `^${ACK}(?:i['’]?m sorry|i am sorry|sorry\\b|i apologi[sz]e|unfortunately\\b|as an ai\\b|` +
    `i (?:can(?:no|['’]?)t|won['’]?t|will not|am (?:not able|unable)|['’]?m (?:not able|unable)|must decline|do not|don['’]?t) )`,
  "i",
);

/**
 * The main text of a reply that holds no JSON object but prose (small models and some clients answer
 * so): the reply without its preamble, quotation marks and sign-off. Undefined when that is not copy: an
 * empty or near-empty reply, a refusal, a question back to the user, or leftovers of JSON or markup.
 */
export function readProse(reply: string): string | undefined {
  const text = cleanStrings(cleanReply(reply.replace(/<think(?:ing)?>[\s\S]*?<\/think(?:ing)?>/gi, "")));
  if ((text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []).length < MIN_WORDS) return undefined;
  if (REFUSAL.test(text) || /^[[{<]/.test(text)) return undefined;
  // Every sentence a question: the model is asking, not writing ("Could you tell me its size?").
  const sentences = text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.trim() !== "");
  if (sentences.every((sentence) => sentence.trim().endsWith("?"))) return undefined;
  return text;
}
