export function truncationNote(truncated: boolean, what: string): string {
  return truncated
    ? `\n\nNote: the model stopped at its token limit, so the ${what} may be cut off. Ask again, or edit it.`
    : "";
}
