import { DEFAULTS } from "../services/config.ts";
import { FALLBACK_LANGUAGE } from "../text/language-choice.ts";
import type { OptionSpec } from "./option-spec.ts";
import { PROVIDER_OPTIONS } from "./provider-options.ts";

/** The server's options (`copydesk [options]`), in --help's order; the README's table is made from them. */
export const SERVER_OPTIONS: readonly OptionSpec[] = [
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
    default: DEFAULTS.samplingTimeout,
    description:
      "How long to wait for the client's model, which may ask the user to approve first: e.g. 90s, 5m, 1500ms; a bare number is seconds",
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
    default: String(DEFAULTS.intelligencePriority),
    description: "How much to favour capable models",
  },
  {
    name: "speed-priority",
    value: "0..1",
    env: "COPYDESK_SPEED_PRIORITY",
    default: String(DEFAULTS.speedPriority),
    description: "How much to favour fast models",
  },
  {
    name: "cost-priority",
    value: "0..1",
    env: "COPYDESK_COST_PRIORITY",
    default: String(DEFAULTS.costPriority),
    description: "How much to favour cheap models",
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
    default: DEFAULTS.logLevel,
    description: "Lowest level logged to stderr: debug, info, notice, warning, error",
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
    default: String(DEFAULTS.httpPort),
    description: "With --http: TCP port; 0 picks a free one, and the URL is logged",
  },
  {
    name: "host",
    value: "ADDRESS",
    env: "COPYDESK_HTTP_HOST",
    default: DEFAULTS.httpHost,
    description: "With --http: address to bind; an address other than loopback needs --http-token",
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
    default: DEFAULTS.sessionIdleTimeout,
    description: "With --http: close a session after this long with no request open",
  },
  {
    name: "allow-private-images",
    env: "COPYDESK_ALLOW_PRIVATE_IMAGES",
    description:
      "With --http: let image URLs (and their redirects) reach loopback, private, link-local and unique-local addresses, which are refused by default so that a remote caller cannot read this network's servers; the variable takes 1 or 0",
  },
  { name: "help", short: "h", description: "Show this help and exit" },
  { name: "version", short: "v", description: "Show the version and exit" },
];
