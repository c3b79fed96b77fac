import type { BrandVoice } from "../store/brand-voices.ts";

/** An image the model should look at (a product photo). */
export interface BriefImage {
  readonly mimeType: string;
  /** Base64. */
  readonly data: string;
}

/** A later turn: the model's earlier reply, or a request to fix it. */
export interface FollowUp {
  readonly role: "assistant" | "user";
  readonly text: string;
}

/** What a tool asks the model to write: the sampling module turns this into a request. */
export interface WritingBrief {
  /** What is being written, in logs and messages: e.g. "product copy". */
  readonly label: string;
  readonly systemPrompt: string;
  readonly userPrompt: string;
  readonly maxTokens: number;
  readonly temperature: number;
  /** An image the model should look at (a product photo), sent before the text. */
  readonly image?: BriefImage;
  /** Later turns after the first user prompt: the model's earlier reply and the request to fix it. */
  readonly followUps?: readonly FollowUp[];
}

/** What a kind's brief is written with besides the record: the voice and language in force, an image, a revision. */
export interface CopyBriefOptions {
  readonly brand: BrandVoice | undefined;
  readonly language: string | undefined;
  readonly image?: BriefImage | undefined;
  /** Where the image is, for a brief the calling model reads (it cannot see the bytes). */
  readonly imageSource?: string | undefined;
  /** The copy to revise, and what to change. */
  readonly revision?: { readonly copy: Readonly<Record<string, unknown>>; readonly instructions: string };
}
