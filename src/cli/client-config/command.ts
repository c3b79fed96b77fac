import { posix, win32 } from "node:path";
import { isSupportedNode, SUPPORTED_NODE } from "../../platform/node-support.ts";
import { parseCommandLine } from "../parse-args.ts";
import { parseOptions } from "../parse-options.ts";
import { reportUsageError, UsageError } from "../usage-error.ts";
import {
  CLIENTS,
  type ClientId,
  type ClientSpec,
  type ConfigLocation,
  isClientId,
  type Launch,
  type Where,
} from "./clients.ts";
import { mergeServerEntry, UnparsableConfigError } from "./merge.ts";
import { claudeMcpAddCommand, configSnippet } from "./snippet.ts";
import { CONFIG_OPTIONS, configHelpText } from "./usage.ts";
import { backup, type ConfigFs, readExisting, realFs, writeAtomically } from "./write-file.ts";

export interface ConfigDeps {
  /** The running executable: copydesk itself inside the single executable, else the node binary. */
  readonly execPath: string;
  /** The script node was given (e.g. dist/copydesk.mjs) when copydesk is not a single executable. */
  readonly script?: string;
  /** The Node running the script (process.version); an entry must not pin a Node copydesk cannot run on. */
  readonly nodeVersion?: string;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly fs?: ConfigFs;
  readonly now?: () => Date;
}

const SERVER_NAME = "copydesk";
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD/i;

interface Request {
  readonly client: ClientSpec;
  readonly write: boolean;
  readonly path?: string;
  readonly workspace: boolean;
  readonly launch: Launch;
}

/** `copydesk config ...` (argv is what follows "config"). Returns the exit code. */
export function runConfigCommand(argv: readonly string[], deps: ConfigDeps): number {
  let request: Request | "help";
  try {
    request = parseRequest(argv, deps);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return reportUsageError(error, deps.stderr);
  }
  if (request === "help") {
    deps.stdout.write(configHelpText());
    return 0;
  }
  try {
    return request.write ? writeConfig(request, deps) : printConfig(request, deps);
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(error, deps.stderr);
    const message = error instanceof Error ? error.message : String(error);
    deps.stderr.write(`copydesk: config ${request.client.id}: ${message}\n`);
    return 1;
  }
}

function parseRequest(argv: readonly string[], deps: ConfigDeps): Request | "help" {
  const split = argv.indexOf("--");
  const own = split === -1 ? argv : argv.slice(0, split);
  const serverArgs = split === -1 ? [] : argv.slice(split + 1);

  const parsed = parseOptions(own, {
    command: "config",
    options: CONFIG_OPTIONS,
    positionals: true,
    env: {},
  });
  if (parsed.flag("help")) return "help";
  const [clientId, ...extra] = parsed.positionals;
  if (clientId === undefined) {
    throw new UsageError(
      `config: name a client: ${Object.keys(CLIENTS).join(", ")} (see copydesk config --help)`,
    );
  }
  if (!isClientId(clientId)) {
    throw new UsageError(
      `config: unknown client "${clientId}"; use one of ${Object.keys(CLIENTS).join(", ")}`,
    );
  }
  if (extra.length > 0) {
    throw new UsageError(
      `config: unexpected "${extra[0]}"; server options go after -- (see copydesk config --help)`,
    );
  }
  const env = parseEnv(parsed.flags("env"));
  checkServerArgs(serverArgs, env);

  if (deps.script !== undefined && deps.nodeVersion !== undefined && !isSupportedNode(deps.nodeVersion)) {
    throw new UsageError(
      `config: this Node (${deps.nodeVersion}) cannot run copydesk; run copydesk config with Node ${SUPPORTED_NODE}, or use the single executable`,
    );
  }
  const path = pathApi(deps.platform);
  const fileOption = parsed.pick("path");
  const script = deps.script === undefined ? [] : [path.resolve(deps.cwd, deps.script)];
  const launch: Launch = {
    command: deps.execPath,
    args: [...script, ...absoluteDataDir(serverArgs, (dir) => path.resolve(deps.cwd, dir))],
    env,
  };
  return {
    client: CLIENTS[clientId as ClientId],
    write: parsed.flag("write"),
    ...(fileOption !== undefined ? { path: path.resolve(deps.cwd, fileOption) } : {}),
    workspace: parsed.flag("workspace"),
    launch,
  };
}

/** Flags whose value is a secret: in args it would show in process lists and in this command's output. */
const SECRET_FLAGS: Readonly<Record<string, string>> = {
  "--provider-api-key": "COPYDESK_PROVIDER_API_KEY",
  "--http-token": "COPYDESK_HTTP_TOKEN",
};

/**
 * A typo in the server options would only show up when the client starts it: catch it now, with the
 * environment the entry will give the server.
 */
function checkServerArgs(serverArgs: readonly string[], env: Readonly<Record<string, string>>): void {
  for (const arg of serverArgs) {
    const flag = Object.keys(SECRET_FLAGS).find((name) => arg === name || arg.startsWith(`${name}=`));
    if (flag) {
      throw new UsageError(
        `config: after --: pass the secret as --env ${SECRET_FLAGS[flag]}=... instead of ${flag}, so it stays out of process lists and this output`,
      );
    }
  }
  let command: ReturnType<typeof parseCommandLine>;
  try {
    command = parseCommandLine(serverArgs, { env, defaultDataDir: "/" });
  } catch (error) {
    throw new UsageError(`config: after --: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (command.type !== "serve") {
    throw new UsageError(`config: after --: --${command.type} would stop the server at once; leave it out`);
  }
}

/** The client starts copydesk from a folder of its own choosing, so a relative --data-dir would move. */
function absoluteDataDir(args: readonly string[], resolve: (dir: string) => string): string[] {
  return args.map((arg, index) => {
    if (arg.startsWith("--data-dir=")) return `--data-dir=${resolve(arg.slice("--data-dir=".length))}`;
    return args[index - 1] === "--data-dir" ? resolve(arg) : arg;
  });
}

function parseEnv(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(pair);
    if (!match?.[1]) throw new UsageError(`config: --env "${pair}" is not NAME=VALUE`);
    env[match[1]] = match[2] ?? "";
  }
  return env;
}

function pathApi(platform: NodeJS.Platform) {
  return platform === "win32" ? win32 : posix;
}

function where(request: Request, deps: ConfigDeps): Where {
  const fs = deps.fs ?? realFs;
  return {
    platform: deps.platform,
    env: deps.env,
    homedir: deps.homedir,
    cwd: deps.cwd,
    workspace: request.workspace,
    listDir: (path) => {
      try {
        return fs.readdirSync(path);
      } catch {
        return [];
      }
    },
  };
}

function printConfig(request: Request, deps: ConfigDeps): number {
  const { client, launch } = request;
  const out = (line: string) => deps.stdout.write(`${line}\n`);
  const location: ConfigLocation = request.path
    ? { path: request.path, scope: "the file you named" }
    : client.location(where(request, deps));

  if (client.id === "claude-code" && !request.path) {
    const scope = request.workspace ? "project" : "user";
    const file = location.path ?? ".mcp.json";
    out(`Run this; it adds copydesk to ${file} (${scope} scope):`);
    out(claudeMcpAddCommand(launch, scope, deps.platform, SERVER_NAME));
  } else {
    out(
      "scope" in location
        ? `Put this in ${location.path} (${location.scope}), merged into its "${client.serversKey}" if it has one, or run this command again with --write:`
        : `${location.missing}: put this in the ${client.name} config file you use (then --write --path FILE can merge it):`,
    );
    deps.stdout.write(configSnippet(client, launch, SERVER_NAME));
  }
  noteSampling(client, launch, out);
  noteSharedSecrets(request, out);
  return 0;
}

function writeConfig(request: Request, deps: ConfigDeps): number {
  const { client, launch } = request;
  const fs = deps.fs ?? realFs;
  const out = (line: string) => deps.stdout.write(`${line}\n`);
  const location: ConfigLocation = request.path
    ? { path: request.path, scope: "the file you named" }
    : client.location(where(request, deps));
  if (!("scope" in location)) {
    throw new UsageError(`config ${client.id} --write: ${location.missing}; name the file with --path FILE`);
  }
  const file = location.path;
  const userClaudeJson = pathApi(deps.platform).join(deps.homedir, ".claude.json");
  if (client.id === "claude-code" && !request.workspace && pathsEqual(file, userClaudeJson, deps.platform)) {
    // Claude Code keeps projects, history and account state in that file and rewrites it while it runs:
    // an outside edit can be lost or clobber its state. Its own command is the safe way in.
    throw new UsageError(
      `config claude-code --write: not writing ${file}, which also holds Claude Code's own state and is rewritten while it runs; instead run: ${claudeMcpAddCommand(launch, "user", deps.platform, SERVER_NAME)}`,
    );
  }

  const existing = readExisting(fs, file);
  let result: ReturnType<typeof mergeServerEntry>;
  try {
    result = mergeServerEntry({
      text: existing?.text ?? "",
      serversKey: client.serversKey,
      name: SERVER_NAME,
      entry: client.entry(launch),
      jsonc: client.jsonc,
    });
  } catch (error) {
    if (!(error instanceof UnparsableConfigError)) throw error;
    deps.stderr.write(`copydesk: cannot update ${file}: ${error.message}; left it untouched\n`);
    return 1;
  }

  if (result.status === "unchanged") {
    out(`${file} already starts copydesk exactly like this; nothing changed.`);
    return 0;
  }
  const target = existing?.realPath ?? file;
  const saved = existing ? backup(fs, target, (deps.now ?? (() => new Date()))()) : undefined;
  const hasSecret = Object.keys(launch.env).some((name) => SECRET_NAME.test(name));
  writeAtomically(fs, target, result.text, existing?.mode ?? (hasSecret ? 0o600 : 0o644));

  if (result.status === "replaced") {
    out(`Replaced the existing "copydesk" entry in ${file}. It was: ${describeEntry(result.previous)}`);
  } else {
    out(`Added "copydesk" to "${client.serversKey}" in ${file}${existing ? "" : " (new file)"}.`);
  }
  out(`It runs: ${[launch.command, ...launch.args].join(" ")}`);
  if (saved) out(`The previous file is saved as ${saved}.`);
  out(`Restart ${client.name} (or reload its MCP servers) to use it.`);
  noteSampling(client, launch, out);
  noteSharedSecrets(request, out);
  return 0;
}

function noteSampling(client: ClientSpec, launch: Launch, out: (line: string) => void): void {
  if (client.sampling || launch.env.COPYDESK_PROVIDER || launch.args.includes("--provider")) return;
  out(
    `Note: ${client.name} does not answer MCP sampling requests, so the model you chat with writes the text (copydesk stores a draft and hands it a brief). To have a specific model write instead, add a provider, e.g. --env COPYDESK_PROVIDER=openai --env COPYDESK_PROVIDER_MODEL=... --env COPYDESK_PROVIDER_API_KEY=... (see copydesk config --help).`,
  );
}

function noteSharedSecrets(request: Request, out: (line: string) => void): void {
  if (!request.workspace) return;
  const secrets = Object.keys(request.launch.env).filter((name) => SECRET_NAME.test(name));
  if (secrets.length === 0) return;
  out(`Warning: project files are usually committed; this one holds ${secrets.join(", ")}.`);
}

/**
 * The old entry, without secret values (they would end up in terminal logs): secret-looking variables,
 * and the values of secret flags in its arguments (an entry written by hand may have them).
 */
function describeEntry(entry: unknown): string {
  if (typeof entry !== "object" || entry === null) return JSON.stringify(entry);
  const { env, args, ...rest } = entry as { env?: unknown; args?: unknown };
  const shown: Record<string, unknown> = { ...rest };
  if (Array.isArray(args)) shown.args = hideSecretArgs(args);
  if (typeof env === "object" && env !== null) {
    shown.env = Object.fromEntries(
      Object.entries(env).map(([name, value]) => [name, SECRET_NAME.test(name) ? "<hidden>" : value]),
    );
  }
  return JSON.stringify(shown);
}

function hideSecretArgs(args: readonly unknown[]): unknown[] {
  return args.map((arg, index) => {
    const previous = args[index - 1];
    if (typeof previous === "string" && previous in SECRET_FLAGS) return "<hidden>";
    if (typeof arg !== "string") return arg;
    const flag = Object.keys(SECRET_FLAGS).find((name) => arg.startsWith(`${name}=`));
    return flag ? `${flag}=<hidden>` : arg;
  });
}

function pathsEqual(a: string, b: string, platform: NodeJS.Platform): boolean {
  const path = pathApi(platform);
  const [x, y] = [path.resolve(a), path.resolve(b)];
  return platform === "win32" || platform === "darwin" ? x.toLowerCase() === y.toLowerCase() : x === y;
}
