import type { LoggingLevel } from "@modelcontextprotocol/sdk/types.js";
import { helpRows } from "../help-rows.ts";
import { type OptionSpec, optionNamed } from "../option-spec.ts";
import { dataDirOption, logLevelOption } from "../option-values.ts";
import { parseOptions } from "../parse-options.ts";
import { PROVIDER_OPTIONS } from "../provider-options.ts";
import { SERVER_OPTIONS } from "../server-options.ts";

export { countOption } from "../option-values.ts";

/** A catalog subcommand's own options, then the ones every subcommand takes. */
export interface SubcommandSpec {
  readonly name: string;
  /** e.g. "FILE [options]" */
  readonly usage: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  /** Whether it calls a model (and so takes the provider options). */
  readonly provider: boolean;
  /** Lines after the options in --help. */
  readonly notes?: string;
}

/** Log lines would break the progress bar: only warnings and worse unless asked. */
export const CATALOG_LOG_LEVEL = "warning";

export function commonOptions(spec: SubcommandSpec): OptionSpec[] {
  return [
    optionNamed(SERVER_OPTIONS, "data-dir"),
    ...(spec.provider ? PROVIDER_OPTIONS : []),
    { ...optionNamed(SERVER_OPTIONS, "log-level"), default: CATALOG_LOG_LEVEL },
    { name: "help", short: "h", description: "Show this help and exit" },
  ];
}

export interface ParsedSubcommand {
  readonly help: boolean;
  readonly positionals: readonly string[];
  /** The flag, else its environment variable (an empty variable counts as unset). */
  pick(name: string): string | undefined;
  /** As pick, else the option's declared default. */
  value(name: string): string;
  flag(name: string): boolean;
  readonly dataDir: string;
  readonly logLevel: LoggingLevel;
}

export function parseSubcommand(
  spec: SubcommandSpec,
  argv: readonly string[],
  context: { env: Readonly<Record<string, string | undefined>>; defaultDataDir: string },
): ParsedSubcommand {
  const parsed = parseOptions(argv, {
    command: spec.name,
    options: [...spec.options, ...commonOptions(spec)],
    positionals: true,
    env: context.env,
  });
  const dataDir = dataDirOption(parsed, context.defaultDataDir);
  const logLevel = logLevelOption(parsed.value("log-level"));
  return {
    help: parsed.flag("help"),
    positionals: parsed.positionals,
    pick: parsed.pick,
    value: parsed.value,
    flag: parsed.flag,
    dataDir,
    logLevel,
  };
}

export function subcommandHelp(spec: SubcommandSpec, dataDir: string): string {
  return `Usage: copydesk ${spec.name} ${spec.usage}

${spec.summary}

Options (a flag wins over its environment variable):
${helpRows([...spec.options, ...commonOptions(spec)])}
${spec.notes ? `\n${spec.notes}\n` : ""}
Data folder now: ${dataDir}
Results go to stdout, errors to stderr. Exit codes: 0 ok, 1 failure, 2 usage error${spec.name === "write" ? ", 130 stopped by Ctrl-C (resumable)" : ""}.
`;
}
