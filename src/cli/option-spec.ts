/**
 * Every option, once: the parser, the environment fallbacks and --help are all made from one table of
 * these (OPTIONS), so they cannot disagree.
 */
export interface OptionSpec {
  readonly name: string;
  readonly value?: string;
  readonly env?: string;
  readonly repeatable?: boolean;
  /** A one-letter alias, e.g. "h" for -h. */
  readonly short?: string;
  readonly description: string;
}
