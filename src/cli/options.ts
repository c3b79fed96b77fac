import { DEFAULTS } from "../services/config.ts";
import { FALLBACK_LANGUAGE } from "../text/language-choice.ts";
import type { OptionSpec } from "./option-spec.ts";
import { PROVIDER_OPTIONS } from "./provider-options.ts";

/** How an option is written in --help and the README, e.g. "-h, --help" or "--port PORT". */
export function flagLabel(option: OptionSpec): string {
  const short = option.short ? `-${option.short}, ` : "";
  return `${short}--${option.name}${option.value ? ` ${option.value}` : ""}`;
}

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: "data-dir",
    value: "DIR",
    env: "COPYDESK_DATA_DIR",
    description: "Folder for copydesk.db (default: the per-user data folder; --help shows where it is)",
  },
  {
    name: "sampling-timeout",
    value: "DURATION",
    env: "COPYDESK_SAMPLING_TIMEOUT",
    description: `How long to wait for the client's model, e.g. 90s, 5m, 1500ms; a bare number is seconds (default ${DEFAULTS.samplingTimeout}: the client may ask the user to approve first)`,
  },
  {
    name: "model-hint",
    value: "NAME",
    env: "COPYDESK_MODEL_HINTS",
    repeatable: true,
    description:
      "Preferred model, as a name or part of one (e.g. claude-sonnet, gpt-5); repeat for fallbacks, or comma-separate in the variable. Advisory: the client decides",
  },
  {
    name: "intelligence-priority",
    value: "0..1",
    env: "COPYDESK_INTELLIGENCE_PRIORITY",
    description: `How much to favour capable models (default ${DEFAULTS.intelligencePriority})`,
  },
  {
    name: "speed-priority",
    value: "0..1",
    env: "COPYDESK_SPEED_PRIORITY",
    description: `How much to favour fast models (default ${DEFAULTS.speedPriority})`,
  },
  {
    name: "cost-priority",
    value: "0..1",
    env: "COPYDESK_COST_PRIORITY",
    description: `How much to favour cheap models (default ${DEFAULTS.costPriority})`,
  },
  {
    name: "language",
    value: "TAG",
    env: "COPYDESK_LANGUAGE",
    description: `The shop's language, as a BCP 47 tag (e.g. de, fr-CA): copy is written in it unless the call, the brand voice or the catalog's imported descriptions say otherwise (default ${FALLBACK_LANGUAGE})`,
  },
  ...PROVIDER_OPTIONS,
  {
    name: "log-level",
    value: "LEVEL",
    env: "COPYDESK_LOG_LEVEL",
    description: `Lowest level logged to stderr: debug, info, notice, warning, error (default ${DEFAULTS.logLevel})`,
  },
  {
    name: "http",
    description:
      "Serve MCP over Streamable HTTP at /mcp instead of stdio; stdin is then ignored, stop with SIGINT or SIGTERM",
  },
  {
    name: "port",
    value: "PORT",
    env: "COPYDESK_HTTP_PORT",
    description: `With --http: TCP port (default ${DEFAULTS.httpPort}; 0 picks a free one, the URL is logged)`,
  },
  {
    name: "host",
    value: "ADDRESS",
    env: "COPYDESK_HTTP_HOST",
    description: `With --http: address to bind (default ${DEFAULTS.httpHost}); an address other than loopback needs --http-token`,
  },
  {
    name: "allowed-host",
    value: "NAME",
    env: "COPYDESK_ALLOWED_HOSTS",
    repeatable: true,
    description:
      "With --http: a host name clients may use in Host/Origin headers, besides localhost, 127.0.0.1, [::1] and --host; repeat, or comma-separate in the variable. Others get 403 (DNS rebinding protection)",
  },
  {
    name: "http-token",
    value: "TOKEN",
    env: "COPYDESK_HTTP_TOKEN",
    description:
      'With --http: require "Authorization: Bearer TOKEN" on every request (401 otherwise). Prefer the variable: a flag shows in ps',
  },
  {
    name: "session-idle",
    value: "DURATION",
    env: "COPYDESK_SESSION_IDLE",
    description: `With --http: close a session after this long with no request open (default ${DEFAULTS.sessionIdleTimeout})`,
  },
  { name: "help", short: "h", description: "Show this help and exit" },
  { name: "version", short: "v", description: "Show the version and exit" },
];
