import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { LoggingLevel } from "@modelcontextprotocol/sdk/types.js";
import { type Config, DEFAULTS } from "../config.ts";
import { LOG_LEVELS } from "../log/logger.ts";
import { parseDuration } from "../sampling/duration.ts";
import { OPTIONS } from "./options.ts";
import { UsageError } from "./usage-error.ts";

export type Command =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | { readonly kind: "serve"; readonly config: Config };

export interface ParseContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The per-user data folder, used when neither flag nor variable names one. */
  readonly defaultDataDir: string;
}

export function parseCommandLine(argv: readonly string[], { env, defaultDataDir }: ParseContext): Command {
  const parsed = parseFlags(argv);
  if (parsed.help) return { kind: "help" };
  if (parsed.version) return { kind: "version" };

  const pick = (name: string): string | undefined => {
    const flag = parsed[name];
    if (typeof flag === "string") return flag;
    const variable = OPTIONS.find((option) => option.name === name)?.env;
    const fromEnv = variable ? env[variable] : undefined;
    return fromEnv === "" ? undefined : fromEnv;
  };

  const timeoutText = pick("sampling-timeout") ?? DEFAULTS.samplingTimeout;
  const timeoutMs = parseDuration(timeoutText);
  if (timeoutMs === undefined) {
    throw new UsageError(
      `--sampling-timeout: "${timeoutText}" is not a duration; use e.g. 90s, 5m or 1500ms`,
    );
  }
  const logLevel = pick("log-level") ?? DEFAULTS.logLevel;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new UsageError(`--log-level: "${logLevel}" is not one of ${LOG_LEVELS.join(", ")}`);
  }
  const dataDir = pick("data-dir") ?? defaultDataDir;

  return {
    kind: "serve",
    config: {
      dataDir: resolve(dataDir),
      logLevel: logLevel as LoggingLevel,
      sampling: {
        timeoutMs,
        modelPreferences: {
          hints: modelHints(parsed["model-hint"], env.COPYDESK_MODEL_HINTS).map((name) => ({ name })),
          intelligencePriority: priority("intelligence-priority", pick, DEFAULTS.intelligencePriority),
          speedPriority: priority("speed-priority", pick, DEFAULTS.speedPriority),
          costPriority: priority("cost-priority", pick, DEFAULTS.costPriority),
        },
      },
    },
  };
}

function parseFlags(argv: readonly string[]): Record<string, unknown> {
  const options = Object.fromEntries(
    OPTIONS.map((option) => [
      option.name,
      {
        type: option.value ? ("string" as const) : ("boolean" as const),
        multiple: option.repeatable ?? false,
      },
    ]),
  );
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message.split("\n")[0]} (see copydesk --help)`);
  }
}

function modelHints(flags: unknown, variable: string | undefined): string[] {
  const fromFlags = Array.isArray(flags) ? (flags as string[]) : [];
  const names = fromFlags.length > 0 ? fromFlags : (variable ?? "").split(",");
  return names.map((name) => name.trim()).filter((name) => name !== "");
}

function priority(name: string, pick: (name: string) => string | undefined, fallback: number): number {
  const text = pick(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`--${name}: "${text}" must be a number from 0 to 1`);
  }
  return value;
}
