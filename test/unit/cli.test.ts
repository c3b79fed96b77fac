import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { helpText } from "../../src/cli/help.ts";
import { OPTIONS } from "../../src/cli/options.ts";
import { parseCommandLine } from "../../src/cli/parse-args.ts";
import { UsageError } from "../../src/cli/usage-error.ts";
import { describeDuration, parseDuration } from "../../src/sampling/duration.ts";
import { defaultDataDir } from "../../src/store/data-dir.ts";

const context = { env: {}, defaultDataDir: "/home/u/.local/share/copydesk" };

function serve(argv: string[], env: Record<string, string> = {}) {
  const command = parseCommandLine(argv, { ...context, env });
  assert.equal(command.kind, "serve");
  return command.config;
}

describe("parseCommandLine", () => {
  it("has sensible defaults", () => {
    const config = serve([]);
    assert.equal(config.dataDir, "/home/u/.local/share/copydesk");
    assert.equal(config.sampling.timeoutMs, 300_000);
    assert.equal(config.logLevel, "info");
    assert.deepEqual(config.sampling.modelPreferences.hints, []);
  });

  it("reads variables, and a flag wins over its variable", () => {
    const env = {
      COPYDESK_SAMPLING_TIMEOUT: "90",
      COPYDESK_MODEL_HINTS: "a, b",
      COPYDESK_DATA_DIR: "/env/dir",
    };
    assert.equal(serve([], env).sampling.timeoutMs, 90_000);
    assert.deepEqual(serve([], env).sampling.modelPreferences.hints, [{ name: "a" }, { name: "b" }]);
    assert.equal(serve([], env).dataDir, "/env/dir");
    assert.equal(serve(["--data-dir", "/flag/dir", "--sampling-timeout", "2m"], env).dataDir, "/flag/dir");
    assert.equal(serve(["--sampling-timeout", "2m"], env).sampling.timeoutMs, 120_000);
  });

  it("accepts a sampling timeout up to an hour", () => {
    assert.equal(serve(["--sampling-timeout", "60m"]).sampling.timeoutMs, 3_600_000);
  });

  it("makes a relative data folder absolute", () => {
    assert.equal(serve(["--data-dir", "rel"]).dataDir, `${process.cwd()}/rel`);
  });

  it("help and version", () => {
    assert.deepEqual(parseCommandLine(["--help"], context), {
      kind: "help",
      dataDir: context.defaultDataDir,
    });
    assert.deepEqual(parseCommandLine(["--data-dir", "/x/y", "--help"], context), {
      kind: "help",
      dataDir: "/x/y",
    });
    assert.equal(parseCommandLine(["--version"], context).kind, "version");
  });

  for (const argv of [
    ["--nope"],
    ["x"],
    ["--speed-priority", "-1"],
    ["--speed-priority", "abc"],
    ["--sampling-timeout", "0"],
    ["--sampling-timeout", "40000m"],
    ["--data-dir"],
  ]) {
    it(`rejects ${argv.join(" ")}`, () => assert.throws(() => parseCommandLine(argv, context), UsageError));
  }

  it("--help mentions every option and its variable", () => {
    const help = helpText("1.2.3", "/data");
    for (const option of OPTIONS) {
      assert.ok(help.includes(`--${option.name}`), option.name);
      if (option.env) assert.ok(help.includes(option.env), option.env);
    }
  });
});

describe("durations", () => {
  it("parses units and bare seconds", () => {
    assert.equal(parseDuration("90"), 90_000);
    assert.equal(parseDuration("1500ms"), 1500);
    assert.equal(parseDuration("5m"), 300_000);
    assert.equal(parseDuration("1.5s"), 1500);
    assert.equal(parseDuration("later"), undefined);
    assert.equal(parseDuration("-1"), undefined);
  });
  it("describes them for people", () => {
    assert.equal(describeDuration(300_000), "5 minutes");
    assert.equal(describeDuration(1000), "1 second");
    assert.equal(describeDuration(1500), "1500 ms");
  });
});

describe("defaultDataDir", () => {
  it("follows each OS's convention", () => {
    assert.equal(
      defaultDataDir({ platform: "linux", env: {}, homedir: "/home/u" }),
      "/home/u/.local/share/copydesk",
    );
    assert.equal(
      defaultDataDir({ platform: "linux", env: { XDG_DATA_HOME: "/x" }, homedir: "/home/u" }),
      "/x/copydesk",
    );
    assert.equal(
      defaultDataDir({ platform: "linux", env: { XDG_DATA_HOME: "rel" }, homedir: "/home/u" }),
      "/home/u/.local/share/copydesk",
    );
    assert.equal(
      defaultDataDir({ platform: "darwin", env: {}, homedir: "/Users/u" }),
      "/Users/u/Library/Application Support/copydesk",
    );
    assert.equal(
      defaultDataDir({
        platform: "win32",
        env: { LOCALAPPDATA: "C:\\Users\\u\\AppData\\Local" },
        homedir: "C:\\Users\\u",
      }),
      "C:\\Users\\u\\AppData\\Local\\copydesk",
    );
    assert.equal(
      defaultDataDir({ platform: "win32", env: {}, homedir: "C:\\Users\\u" }),
      "C:\\Users\\u\\AppData\\Local\\copydesk",
    );
  });
});
