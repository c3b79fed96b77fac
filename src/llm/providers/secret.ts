import { inspect } from "node:util";
import { unveiled } from "./key-disguises.ts";
import { type KeyForms, keyForms } from "./key-forms.ts";

const HIDDEN = "[redacted]";

/**
 * An API key that prints as "[redacted]" however it is printed (template string, JSON, util.inspect,
 * console), so a config logged whole cannot leak it. Only `reveal()` gives the value, for the one header
 * that needs it.
 */
export class Secret {
  readonly #value: string;
  #forms: KeyForms | undefined;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  /**
   * Removes the key, in any form an error or URL might carry it (raw, URL-encoded, base64, base64url,
   * spaced or dashed out, split by invisible characters, JSON-escaped), from text leaving this module.
   */
  redact(text: string): string {
    // The key may hide behind invisible characters or escapes: redact the text as decoded, where it is
    // whole (a shape-based pass on the raw text would cut it and leave most of it behind).
    const plain = this.appearsIn(text) ? (unveiled(text).at(-1) ?? text) : text;
    const out = this.#redactForms(plain);
    return this.appearsIn(out) ? HIDDEN : out;
  }

  /** Whether the text carries the key in any of the forms redact() removes. */
  appearsIn(text: string): boolean {
    const forms = this.#keyForms();
    return unveiled(text).some((form) => {
      forms.spaced.lastIndex = 0;
      return forms.literals.some((literal) => form.includes(literal)) || forms.spaced.test(form);
    });
  }

  #redactForms(text: string): string {
    const forms = this.#keyForms();
    let out = text;
    for (const form of forms.literals) out = out.split(form).join(HIDDEN);
    return redactKeyLike(out.replace(forms.spaced, HIDDEN));
  }

  #keyForms(): KeyForms {
    this.#forms ??= keyForms(this.#value);
    return this.#forms;
  }

  toString(): string {
    return HIDDEN;
  }

  toJSON(): string {
    return HIDDEN;
  }

  [inspect.custom](): string {
    return HIDDEN;
  }
}

/**
 * Providers echo keys back, sometimes masked ("Incorrect API key provided: sk-proj-****abcd"), and a
 * key can come from somewhere other than the configured one (a proxy's own): anything shaped like an
 * OpenAI or Anthropic key, or a bearer token, goes too.
 */
export function redactKeyLike(text: string): string {
  return text
    .replace(/\bsk-(?=[A-Za-z0-9_*.-]{6})[A-Za-z0-9_*.-]*[A-Za-z0-9_*]/g, HIDDEN)
    .replace(/\b(Bearer\s+)[A-Za-z0-9_*.~+/=-]{8,}/gi, `$1${HIDDEN}`)
    .replace(/\b((?:x-)?api[-_]?key\s*[=:]\s*["']?)[A-Za-z0-9_*.~+/=-]{8,}/gi, `$1${HIDDEN}`);
}
