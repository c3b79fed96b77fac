import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { LoggingLevel } from "@modelcontextprotocol/sdk/types.js";
import { hostnameOf, isLoopbackAddress } from "../platform/allowed-hosts.ts";
import { LOG_LEVELS } from "../platform/logger.ts";
import { type Config, DEFAULTS, type HttpConfig } from "../services/config.ts";
import { canonicalLanguage } from "../text/language-tag.ts";
import { durationOption } from "./duration-option.ts";
import { OPTIONS } from "./options.ts";
import { parseProviderConfig } from "./provider-config.ts";
import { UsageError } from "./usage-error.ts";

/** Longer would overflow Node's timers (they fire at once past ~24.8 days); an hour is already generous. */
const MAX_SAMPLING_TIMEOUT_MS = 60 * 60_000;

/** A week: beyond ~24.8 days Node's timers would fire at once and close every session. */
const MAX_SESSION_IDLE_MS = 7 * 24 * 60 * 60_000;

export type Command =
  | { readonly kind: "help"; readonly dataDir: string }
  | { readonly kind: "version" }
  | { readonly kind: "serve"; readonly config: Config };

export interface ParseContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The per-user data folder, used when neither flag nor variable names one. */
  readonly defaultDataDir: string;
}

export function parseCommandLine(argv: readonly string[], { env, defaultDataDir }: ParseContext): Command {
  const parsed = parseFlags(argv);
  const pick = (name: string): string | undefined => {
    const flag = parsed[name];
    if (typeof flag === "string") return flag;
    const variable = OPTIONS.find((option) => option.name === name)?.env;
    const fromEnv = variable ? env[variable] : undefined;
    return fromEnv === "" ? undefined : fromEnv;
  };
  if (parsed.help) return { kind: "help", dataDir: resolve(pick("data-dir") ?? defaultDataDir) };
  if (parsed.version) return { kind: "version" };

  const timeoutMs = durationOption(
    "sampling-timeout",
    pick("sampling-timeout") ?? DEFAULTS.samplingTimeout,
    MAX_SAMPLING_TIMEOUT_MS,
  );

  const logLevel = pick("log-level") ?? DEFAULTS.logLevel;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new UsageError(`--log-level: "${logLevel}" is not one of ${LOG_LEVELS.join(", ")}`);
  }
  if (typeof parsed["data-dir"] === "string" && parsed["data-dir"].trim() === "") {
    // It would quietly mean the current folder, wherever the client starts copydesk. (An empty variable
    // counts as unset, as for every option.)
    throw new UsageError("--data-dir: the folder name is empty; give a folder, or leave the option out");
  }
  const dataDir = pick("data-dir") ?? defaultDataDir;
  const language = languageOption(pick("language"));
  const http = parsed.http === true ? httpConfig(parsed, pick, env) : undefined;
  const provider = parseProviderConfig(pick, env);
  if (!http) {
    // Only flags: a variable may be set for every copydesk the user runs, stdio ones included.
    const stray = HTTP_ONLY.find((name) => parsed[name] !== undefined);
    if (stray) throw new UsageError(`--${stray} needs --http`);
  }

  return {
    kind: "serve",
    config: {
      dataDir: resolve(dataDir),
      ...(http ? { http } : {}),
      ...(provider ? { provider } : {}),
      ...(language ? { language } : {}),
      logLevel: logLevel as LoggingLevel,
      sampling: {
        timeoutMs,
        modelPreferences: {
          hints: listValues(parsed["model-hint"], env.COPYDESK_MODEL_HINTS).map((name) => ({ name })),
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
        ...(option.short ? { short: option.short } : {}),
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

const HTTP_ONLY = ["port", "host", "allowed-host", "http-token", "session-idle"];

function httpConfig(
  parsed: Record<string, unknown>,
  pick: (name: string) => string | undefined,
  env: ParseContext["env"],
): HttpConfig {
  const portText = pick("port");
  const port = portText === undefined ? DEFAULTS.httpPort : Number(portText);
  if (portText !== undefined && (!/^\d+$/.test(portText.trim()) || port > 65535)) {
    throw new UsageError(`--port: "${portText}" must be a whole number from 0 to 65535`);
  }
  const host = pick("host") ?? DEFAULTS.httpHost;
  if (hostnameOf(host) === undefined) throw new UsageError(`--host: "${host}" is not an address`);
  const allowedHosts = listValues(parsed["allowed-host"], env.COPYDESK_ALLOWED_HOSTS);
  const badHost = allowedHosts.find((name) => hostnameOf(name) === undefined);
  if (badHost !== undefined) throw new UsageError(`--allowed-host: "${badHost}" is not a host name`);
  const token = pick("http-token");
  if (token !== undefined && !/^[\x21-\x7e]+$/.test(token)) {
    // Never echo it: it is a secret even when malformed.
    throw new UsageError("--http-token: the token must be printable ASCII without spaces");
  }
  // Anyone who can reach a non-loopback address could read and add records: insist on a token.
  if (!isLoopbackAddress(host) && token === undefined) {
    throw new UsageError(
      `--host ${host} is reachable from other machines: set a token with COPYDESK_HTTP_TOKEN (or --http-token)`,
    );
  }
  const sessionIdleMs = durationOption(
    "session-idle",
    pick("session-idle") ?? DEFAULTS.sessionIdleTimeout,
    MAX_SESSION_IDLE_MS,
  );
  return { host, port, allowedHosts, token, sessionIdleMs };
}

/** --language, canonical ("fr-ca" → "fr-CA"); a tag of no known language is a usage error. */
export function languageOption(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const canonical = canonicalLanguage(text);
  if (canonical === undefined) {
    throw new UsageError(
      `--language: "${text.slice(0, 40)}" is not a BCP 47 tag of a known language; use one such as en, de, fr-CA`,
    );
  }
  return canonical;
}

function listValues(flags: unknown, variable: string | undefined): string[] {
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
