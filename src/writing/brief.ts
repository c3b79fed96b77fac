/** What a tool asks the model to write: the sampling module turns this into a request. */
export interface WritingBrief {
  /** Short name for logs, e.g. "blog abstract". */
  readonly kind: string;
  readonly systemPrompt: string;
  readonly userPrompt: string;
  readonly maxTokens: number;
  readonly temperature: number;
  /** An image the model should look at (a product photo), sent before the text. */
  readonly image?: { readonly mimeType: string; readonly data: string /* base64 */ };
  /** Later turns after the first user prompt: the model's earlier reply and the request to fix it. */
  readonly followUps?: readonly { readonly role: "assistant" | "user"; readonly text: string }[];
}
