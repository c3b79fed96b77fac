import { resolve } from "node:path";
import { hostnameOf, isLoopbackAddress } from "../platform/allowed-hosts.ts";
import type { Config, HttpConfig } from "../services/config.ts";
import { canonicalLanguage } from "../text/language-tag.ts";
import { dataDirOption, durationOption, logLevelOption } from "./option-values.ts";
import { type ParsedOptions, parseOptions } from "./parse-options.ts";
import { parseProviderConfig } from "./provider-config.ts";
import { SERVER_OPTIONS } from "./server-options.ts";
import { UsageError } from "./usage-error.ts";

/** Longer would overflow Node's timers (they fire at once past ~24.8 days); an hour is already generous. */
const MAX_SAMPLING_TIMEOUT_MS = 60 * 60_000;

/** A week: beyond ~24.8 days Node's timers would fire at once and close every session. */
const MAX_SESSION_IDLE_MS = 7 * 24 * 60 * 60_000;

export type Command =
  | { readonly type: "help"; readonly dataDir: string }
  | { readonly type: "version" }
  | { readonly type: "serve"; readonly config: Config };

export interface ParseContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The per-user data folder, used when neither flag nor variable names one. */
  readonly defaultDataDir: string;
}

export function parseCommandLine(argv: readonly string[], { env, defaultDataDir }: ParseContext): Command {
  const parsed = parseOptions(argv, { options: SERVER_OPTIONS, positionals: false, env });
  if (parsed.flag("help"))
    return { type: "help", dataDir: resolve(parsed.pick("data-dir") ?? defaultDataDir) };
  if (parsed.flag("version")) return { type: "version" };

  const timeoutMs = durationOption(
    "sampling-timeout",
    parsed.value("sampling-timeout"),
    MAX_SAMPLING_TIMEOUT_MS,
  );
  const logLevel = logLevelOption(parsed.value("log-level"));
  const dataDir = dataDirOption(parsed, defaultDataDir);
  const language = languageOption(parsed.pick("language"));
  const http = parsed.flag("http") ? httpConfig(parsed) : undefined;
  const provider = parseProviderConfig(parsed.pick, env);
  if (!http) {
    // Only flags: a variable may be set for every copydesk the user runs, stdio ones included.
    const stray = HTTP_ONLY.find((name) => parsed.given(name));
    if (stray) throw new UsageError(`--${stray} needs --http`);
  }

  return {
    type: "serve",
    config: {
      dataDir,
      ...(http ? { http } : {}),
      ...(provider ? { provider } : {}),
      ...(language ? { language } : {}),
      logLevel,
      sampling: {
        timeoutMs,
        modelPreferences: {
          hints: parsed.list("model-hint").map((name) => ({ name })),
          intelligencePriority: priority("intelligence-priority", parsed),
          speedPriority: priority("speed-priority", parsed),
          costPriority: priority("cost-priority", parsed),
        },
      },
    },
  };
}

const HTTP_ONLY = ["port", "host", "allowed-host", "http-token", "session-idle", "allow-private-images"];

function httpConfig(parsed: ParsedOptions): HttpConfig {
  const portText = parsed.value("port");
  const port = Number(portText);
  if (!/^\d+$/.test(portText.trim()) || port > 65535) {
    throw new UsageError(`--port: "${portText}" must be a whole number from 0 to 65535`);
  }
  const host = parsed.value("host");
  if (hostnameOf(host) === undefined) throw new UsageError(`--host: "${host}" is not an address`);
  const allowedHosts = parsed.list("allowed-host");
  const badHost = allowedHosts.find((name) => hostnameOf(name) === undefined);
  if (badHost !== undefined) throw new UsageError(`--allowed-host: "${badHost}" is not a host name`);
  const token = parsed.pick("http-token");
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
  const sessionIdleMs = durationOption("session-idle", parsed.value("session-idle"), MAX_SESSION_IDLE_MS);
  const allowPrivateImages = parsed.flag("allow-private-images");
  return { host, port, allowedHosts, token, sessionIdleMs, allowPrivateImages };
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

function priority(name: string, parsed: ParsedOptions): number {
  const text = parsed.value(name);
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`--${name}: "${text}" must be a number from 0 to 1`);
  }
  return value;
}
