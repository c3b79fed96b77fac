import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { helpRows } from "../../src/cli/help-rows.ts";
import type { OptionSpec } from "../../src/cli/option-spec.ts";
import { parseOptions } from "../../src/cli/parse-options.ts";
import { reportUsageError, UsageError } from "../../src/cli/usage-error.ts";

const OPTIONS: readonly OptionSpec[] = [
  { name: "port", value: "PORT", env: "X_PORT", default: "8000", description: "Port" },
  { name: "name", value: "NAME", env: "X_NAME", repeatable: true, description: "Names" },
  { name: "dry-run", description: "Do nothing" },
  { name: "help", short: "h", description: "Show this help" },
  { name: "allow", env: "X_ALLOW", description: "A switch a variable can turn on" },
];

const parse = (argv: string[], env: Record<string, string> = {}, command?: string) =>
  parseOptions(argv, {
    options: OPTIONS,
    positionals: command !== undefined,
    env,
    ...(command ? { command } : {}),
  });

describe("parseOptions", () => {
  it("resolves an option as flag, then variable, then default; an empty variable counts as unset", () => {
    assert.equal(parse(["--port", "1"], { X_PORT: "2" }).value("port"), "1");
    assert.equal(parse([], { X_PORT: "2" }).value("port"), "2");
    assert.equal(parse([], { X_PORT: "" }).value("port"), "8000");
    assert.equal(parse([]).pick("port"), undefined, "pick leaves the default out");
    assert.throws(() => parse([]).value("name"), /--name declares no default/);
    assert.equal(parse([], { X_PORT: "2" }).given("port"), false, "a variable is not on the command line");
    assert.equal(parse(["--port=3"]).flagText("port"), "3");
  });

  it("takes every flag of a repeatable option, else its variable split at commas", () => {
    assert.deepEqual(parse(["--name", " a ", "--name", "b,c"], { X_NAME: "x" }).list("name"), ["a", "b,c"]);
    assert.deepEqual(parse([], { X_NAME: "x, ,y" }).list("name"), ["x", "y"]);
    assert.deepEqual(parse(["--name", " a "]).flags("name"), [" a "], "flags are as given");
  });

  it("knows boolean flags, short aliases and positionals", () => {
    const parsed = parse(["-h", "file.csv", "--dry-run"], {}, "import");
    assert.equal(parsed.flag("help"), true);
    assert.equal(parsed.flag("dry-run"), true);
    assert.deepEqual(parsed.positionals, ["file.csv"]);
  });

  it("reads a boolean flag's variable as 1/true/yes/on or 0/false/no/off, and refuses anything else", () => {
    assert.equal(parse([]).flag("allow"), false);
    assert.equal(parse(["--allow"], { X_ALLOW: "0" }).flag("allow"), true, "the flag wins");
    assert.equal(parse([], { X_ALLOW: "On" }).flag("allow"), true);
    assert.equal(parse([], { X_ALLOW: "no" }).flag("allow"), false);
    assert.equal(parse([], { X_ALLOW: "1" }).given("allow"), false, "a variable is not on the command line");
    assert.throws(
      () => parse([], { X_ALLOW: "sure" }).flag("allow"),
      /^UsageError: X_ALLOW: "sure" must be 1 or 0$/,
    );
  });

  it("turns what util.parseArgs refuses into one line that names the command and its --help", () => {
    assert.throws(
      () => parse(["--bogus"], {}, "import"),
      (error: unknown) =>
        error instanceof UsageError &&
        /^import: Unknown option '--bogus'.*\(see copydesk import --help\)$/.test(error.message) &&
        !error.message.includes("\n"),
    );
    assert.throws(
      () => parse(["stray"]),
      /^UsageError: Unexpected argument 'stray'.*\(see copydesk --help\)$/,
    );
    assert.throws(
      () => parse(["--port"]),
      /^UsageError: Option '--port <value>' argument missing \(see copydesk --help\)$/,
    );
  });

  it("treats asking for an option the command does not declare as a bug, not a usage error", () => {
    const parsed = parse([]);
    assert.throws(
      () => parsed.pick("prot"),
      (error: unknown) => !(error instanceof UsageError) && /--prot is not one of/.test(String(error)),
    );
  });
});

describe("helpRows", () => {
  it("writes the flag, then what it does with its default and variable", () => {
    assert.equal(
      helpRows(OPTIONS.slice(0, 1).concat(OPTIONS.slice(3, 4))),
      "  --port PORT\n      Port (default 8000) [env X_PORT]\n  -h, --help\n      Show this help",
    );
  });
});

describe("reportUsageError", () => {
  it("writes one line, control characters escaped, and gives exit code 2", () => {
    let written = "";
    const code = reportUsageError(new UsageError('unknown client "a\nb"'), {
      write: (text) => (written += text),
    });
    assert.equal(code, 2);
    assert.equal(written, 'copydesk: unknown client "a\\nb"\n');
  });
});
