import { parseArgs } from "node:util";
import { type OptionSpec, optionNamed } from "./option-spec.ts";
import { UsageError } from "./usage-error.ts";

export interface OptionsRequest {
  /** The command's name ("import", "config") for its usage errors; none for the server itself. */
  readonly command?: string;
  readonly options: readonly OptionSpec[];
  /** Whether the command takes words that are not options (ids, a file, a client). */
  readonly positionals: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface ParsedOptions {
  readonly positionals: readonly string[];
  /** The flag, else its environment variable (an empty variable counts as unset). */
  pick(name: string): string | undefined;
  /** The flag, else its variable, else its default (an option read this way must declare one). */
  value(name: string): string;
  /** Whether a boolean flag was given, else its variable says 1/true/yes/on (0/false/no/off: not). */
  flag(name: string): boolean;
  /** Whether the option is on the command line itself (a variable does not count). */
  given(name: string): boolean;
  /** The flag's own text, for checks that a variable should not trip. */
  flagText(name: string): string | undefined;
  /** A repeatable option's flags, as given. */
  flags(name: string): readonly string[];
  /** A repeatable option's values: every flag, else its variable split at commas; trimmed, blanks dropped. */
  list(name: string): string[];
}

/**
 * Every command's one option parser: Node's util.parseArgs tokenizes (strict, so an unknown or malformed
 * option is a usage error that points at the command's --help), then each option resolves as flag, then
 * environment variable, then default.
 */
export function parseOptions(argv: readonly string[], request: OptionsRequest): ParsedOptions {
  const { options, env } = request;
  const config = Object.fromEntries(
    options.map((option) => [
      option.name,
      {
        type: option.value ? ("string" as const) : ("boolean" as const),
        multiple: option.repeatable ?? false,
        ...(option.short ? { short: option.short } : {}),
      },
    ]),
  );
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: config,
      strict: true,
      allowPositionals: request.positionals,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const prefix = request.command ? `${request.command}: ` : "";
    const help = request.command ? `copydesk ${request.command} --help` : "copydesk --help";
    throw new UsageError(`${prefix}${message.split("\n")[0]} (see ${help})`);
  }
  const { values, positionals } = parsed;
  const flagText = (name: string): string | undefined => {
    const value = values[optionNamed(options, name).name];
    return typeof value === "string" ? value : undefined;
  };
  const fromEnv = (name: string): string | undefined => {
    const variable = optionNamed(options, name).env;
    const text = variable ? env[variable] : undefined;
    return text === "" ? undefined : text;
  };
  const pick = (name: string) => flagText(name) ?? fromEnv(name);
  const switchedOn = (name: string): boolean => {
    const text = fromEnv(name)?.trim().toLowerCase();
    if (text === undefined || ["0", "false", "no", "off"].includes(text)) return false;
    if (["1", "true", "yes", "on"].includes(text)) return true;
    throw new UsageError(`${optionNamed(options, name).env}: "${text.slice(0, 40)}" must be 1 or 0`);
  };
  const flags = (name: string): readonly string[] => {
    const value = values[optionNamed(options, name).name];
    return Array.isArray(value) ? (value as string[]) : [];
  };
  return {
    positionals,
    pick,
    value: (name) => {
      const fallback = optionNamed(options, name).default;
      if (fallback === undefined) throw new Error(`--${name} declares no default`);
      return pick(name) ?? fallback;
    },
    flag: (name) => values[optionNamed(options, name).name] === true || switchedOn(name),
    given: (name) => values[optionNamed(options, name).name] !== undefined,
    flagText,
    flags,
    list: (name) => {
      const given = flags(name);
      const texts = given.length > 0 ? given : (fromEnv(name) ?? "").split(",");
      return texts.map((text) => text.trim()).filter((text) => text !== "");
    },
  };
}
