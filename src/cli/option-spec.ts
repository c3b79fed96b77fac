/**
 * One option of a command, declared once: the parser, the environment fallback, the default and the
 * --help row (and the README's table, for the server's) are all made from it, so they cannot disagree.
 */
export interface OptionSpec {
  readonly name: string;
  /** The value's placeholder in --help ("DIR", "0..1"); an option without one is a boolean flag. */
  readonly value?: string;
  /** The variable read when the flag is not given; an empty variable counts as unset. */
  readonly env?: string;
  /** What an option with a value resolves to when neither flag nor variable gives one; shown in --help. */
  readonly default?: string;
  readonly repeatable?: boolean;
  /** A one-letter alias, e.g. "h" for -h. */
  readonly short?: string;
  readonly description: string;
}

/** The option called `name`; asking for one the command does not declare is a bug, not a usage error. */
export function optionNamed(options: readonly OptionSpec[], name: string): OptionSpec {
  const option = options.find((candidate) => candidate.name === name);
  if (!option) throw new Error(`--${name} is not one of this command's options`);
  return option;
}
