import { removeControlCharacters } from "./clean-text.ts";

/**
 * Every string in a value with control characters, bidirectional overrides and lone surrogates removed:
 * what is stored is then exactly what the result shows (SQLite would turn a lone surrogate into U+FFFD).
 */
export function cleanStrings<T>(value: T): T {
  if (typeof value === "string") return removeControlCharacters(value) as T;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanStrings(item)])) as T;
  }
  return value;
}
