/** What a tool asks the model to write: the sampling module turns this into a request. */
export interface WritingBrief {
  /** Short name for logs, e.g. "blog abstract". */
  readonly kind: string;
  readonly systemPrompt: string;
  readonly userPrompt: string;
  readonly maxTokens: number;
  readonly temperature: number;
}
