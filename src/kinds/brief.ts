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
  /** Short name for logs, e.g. "product copy". */
  readonly kind: string;
  readonly systemPrompt: string;
  readonly userPrompt: string;
  readonly maxTokens: number;
  readonly temperature: number;
  /** An image the model should look at (a product photo), sent before the text. */
  readonly image?: BriefImage;
  /** Later turns after the first user prompt: the model's earlier reply and the request to fix it. */
  readonly followUps?: readonly FollowUp[];
}
