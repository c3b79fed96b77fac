/** Saving failed after the model had written: the message carries the text so the user does not lose it. */
export class SaveFailedError extends Error {
  constructor(what: string, text: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `The ${what} was written but could not be saved (${reason}). Here it is, so it is not lost:\n\n${text}`,
      {
        cause,
      },
    );
    this.name = "SaveFailedError";
  }
}

export function saveOrKeep<T>(what: string, text: string, save: () => T): T {
  try {
    return save();
  } catch (error) {
    throw new SaveFailedError(what, text, error);
  }
}
