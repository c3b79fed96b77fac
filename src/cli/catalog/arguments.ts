import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { LOG_LEVELS } from "../../platform/logger.ts";
import type { OptionSpec } from "../option-spec.ts";
import { OPTIONS } from "../options.ts";
import { PROVIDER_OPTIONS } from "../provider-options.ts";
import { UsageError } from "../usage-error.ts";
import { wrap } from "../wrap.ts";

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

const shared = (name: string): OptionSpec => OPTIONS.find((option) => option.name === name) as OptionSpec;

/** Log lines would break the progress bar: only warnings and worse unless asked. */
export const CATALOG_LOG_LEVEL = "warning";

export function commonOptions(spec: SubcommandSpec): OptionSpec[] {
  return [
    shared("data-dir"),
    ...(spec.provider ? PROVIDER_OPTIONS : []),
    {
      ...shared("log-level"),
      description: `Lowest level logged to stderr: debug, info, notice, warning, error (default ${CATALOG_LOG_LEVEL})`,
    },
    { name: "help", short: "h", description: "Show this help and exit" },
  ];
}

export interface ParsedSubcommand {
  readonly help: boolean;
  readonly positionals: readonly string[];
  /** The flag, else its environment variable (an empty variable counts as unset). */
  pick(name: string): string | undefined;
  flag(name: string): boolean;
  readonly dataDir: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
}

export function parseSubcommand(
  spec: SubcommandSpec,
  argv: readonly string[],
  context: { env: Readonly<Record<string, string | undefined>>; defaultDataDir: string },
): ParsedSubcommand {
  const all = [...spec.options, ...commonOptions(spec)];
  const options = Object.fromEntries(
    all.map((option) => [
      option.name,
      {
        type: option.value ? ("string" as const) : ("boolean" as const),
        ...(option.short ? { short: option.short } : {}),
      },
    ]),
  );
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${spec.name}: ${message.split("\n")[0]} (see copydesk ${spec.name} --help)`);
  }
  const { values, positionals } = parsed;
  const pick = (name: string): string | undefined => {
    const value = values[name];
    if (typeof value === "string") return value;
    const variable = all.find((option) => option.name === name)?.env;
    const fromEnv = variable ? context.env[variable] : undefined;
    return fromEnv === "" ? undefined : fromEnv;
  };
  if (typeof values["data-dir"] === "string" && values["data-dir"].trim() === "") {
    throw new UsageError("--data-dir: the folder name is empty; give a folder, or leave the option out");
  }
  const logLevel = pick("log-level") ?? CATALOG_LOG_LEVEL;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new UsageError(`--log-level: "${logLevel}" is not one of ${LOG_LEVELS.join(", ")}`);
  }
  return {
    help: values.help === true,
    positionals,
    pick,
    flag: (name) => values[name] === true,
    dataDir: resolve(pick("data-dir") ?? context.defaultDataDir),
    logLevel: logLevel as (typeof LOG_LEVELS)[number],
  };
}

/** A whole number of at least 1, or a usage error naming the option. */
export function countOption(name: string, text: string, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > max) {
    throw new UsageError(`--${name}: "${text}" must be a whole number from 1 to ${max}`);
  }
  return value;
}

export function subcommandHelp(spec: SubcommandSpec, dataDir: string): string {
  const rows = [...spec.options, ...commonOptions(spec)].map((option) => {
    const short = option.short ? `-${option.short}, ` : "";
    const flag = `${short}--${option.name}${option.value ? ` ${option.value}` : ""}`;
    const env = option.env ? ` [env ${option.env}]` : "";
    return `  ${flag}\n${wrap(`${option.description}${env}`, 96, "      ")}`;
  });
  return `Usage: copydesk ${spec.name} ${spec.usage}

${spec.summary}

Options (a flag wins over its environment variable):
${rows.join("\n")}
${spec.notes ? `\n${spec.notes}\n` : ""}
Data folder now: ${dataDir}
Results go to stdout, errors to stderr. Exit codes: 0 ok, 1 failure, 2 usage error${spec.name === "write" ? ", 130 stopped by Ctrl-C (resumable)" : ""}.
`;
}
