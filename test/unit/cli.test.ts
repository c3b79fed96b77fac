import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { helpText } from "../../src/cli/help.ts";
import { parseCommandLine } from "../../src/cli/parse-args.ts";
import { SERVER_OPTIONS } from "../../src/cli/server-options.ts";
import { UsageError } from "../../src/cli/usage-error.ts";
import { defaultDataDir } from "../../src/platform/data-dir.ts";
import { describeDuration, parseDuration } from "../../src/platform/duration.ts";

const context = { env: {}, defaultDataDir: "/home/u/.local/share/copydesk" };

function serve(argv: string[], env: Record<string, string> = {}) {
  const command = parseCommandLine(argv, { ...context, env });
  assert.equal(command.type, "serve");
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

  it("takes the shop's language from --language or COPYDESK_LANGUAGE, canonical, and refuses an unknown one", () => {
    assert.equal(serve([]).language, undefined, "English is the writers' fallback, not a setting");
    assert.equal(serve([], { COPYDESK_LANGUAGE: "de" }).language, "de");
    assert.equal(serve(["--language", "fr-ca"], { COPYDESK_LANGUAGE: "de" }).language, "fr-CA");
    assert.equal(serve([], { COPYDESK_LANGUAGE: "" }).language, undefined);
    assert.throws(
      () => parseCommandLine(["--language", "klingonese"], context),
      /--language: "klingonese" is not/,
    );
  });

  it("accepts a sampling timeout up to an hour", () => {
    assert.equal(serve(["--sampling-timeout", "60m"]).sampling.timeoutMs, 3_600_000);
    assert.equal(serve(["--sampling-timeout", "1h"]).sampling.timeoutMs, 3_600_000);
    assert.throws(
      () => serve(["--sampling-timeout", "2h"]),
      /--sampling-timeout: "2h" is more than 60 minutes/,
    );
  });

  it("makes a relative data folder absolute", () => {
    assert.equal(serve(["--data-dir", "rel"]).dataDir, `${process.cwd()}/rel`);
  });

  it("help and version", () => {
    assert.deepEqual(parseCommandLine(["--help"], context), {
      type: "help",
      dataDir: context.defaultDataDir,
    });
    assert.deepEqual(parseCommandLine(["--data-dir", "/x/y", "--help"], context), {
      type: "help",
      dataDir: "/x/y",
    });
    assert.equal(parseCommandLine(["--version"], context).type, "version");
    assert.equal(parseCommandLine(["-h"], context).type, "help");
    assert.equal(parseCommandLine(["-v"], context).type, "version");
  });

  it("refuses an empty --data-dir instead of using the current folder", () => {
    assert.throws(
      () => parseCommandLine(["--data-dir", ""], context),
      /--data-dir: the folder name is empty/,
    );
    assert.throws(() => parseCommandLine(["--data-dir="], context), UsageError);
    // An empty variable counts as unset, as for every option.
    assert.equal(serve([], { COPYDESK_DATA_DIR: "" }).dataDir, context.defaultDataDir);
  });

  it("refuses private image addresses over HTTP unless --allow-private-images or its variable says so", () => {
    assert.equal(serve(["--http"]).http?.allowPrivateImages, false);
    assert.equal(serve(["--http", "--allow-private-images"]).http?.allowPrivateImages, true);
    for (const on of ["1", "true", "YES", " on "]) {
      assert.equal(
        serve(["--http"], { COPYDESK_ALLOW_PRIVATE_IMAGES: on }).http?.allowPrivateImages,
        true,
        on,
      );
    }
    for (const off of ["0", "false", "no", "off", ""]) {
      assert.equal(serve(["--http"], { COPYDESK_ALLOW_PRIVATE_IMAGES: off }).http?.allowPrivateImages, false);
    }
    assert.throws(
      () => serve(["--http"], { COPYDESK_ALLOW_PRIVATE_IMAGES: "maybe" }),
      /COPYDESK_ALLOW_PRIVATE_IMAGES: "maybe" must be 1 or 0/,
    );
    // On stdio the user is local: the flag means nothing there, and a set variable is left alone.
    assert.throws(() => serve(["--allow-private-images"]), /--allow-private-images needs --http/);
    assert.equal(serve([], { COPYDESK_ALLOW_PRIVATE_IMAGES: "1" }).http, undefined);
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

  it("--help names the tools and prompts it is given", () => {
    const help = helpText("1.2.3", "/data", {
      tools: [{ name: "create_product" }, { name: "get_job" }],
      prompts: [{ name: "describe_product" }],
    });
    assert.match(help, /^Tools: create_product, get_job$/m);
    assert.match(help, /^Prompts \(slash commands\): describe_product$/m);
  });

  it("--help lists each option with its variable, written out here rather than read from the table", () => {
    const help = helpText("1.2.3", "/data", { tools: [], prompts: [] });
    // A hand-kept list: dropping, renaming or un-documenting an option must fail this test.
    const expected = [
      ["--data-dir DIR", "COPYDESK_DATA_DIR"],
      ["--sampling-timeout DURATION", "COPYDESK_SAMPLING_TIMEOUT"],
      ["--model-hint NAME", "COPYDESK_MODEL_HINTS"],
      ["--intelligence-priority 0..1", "COPYDESK_INTELLIGENCE_PRIORITY"],
      ["--speed-priority 0..1", "COPYDESK_SPEED_PRIORITY"],
      ["--cost-priority 0..1", "COPYDESK_COST_PRIORITY"],
      ["--language TAG", "COPYDESK_LANGUAGE"],
      ["--provider openai|anthropic", "COPYDESK_PROVIDER"],
      ["--provider-url URL", "COPYDESK_PROVIDER_URL"],
      ["--provider-model NAME", "COPYDESK_PROVIDER_MODEL"],
      ["--provider-api-key KEY", "COPYDESK_PROVIDER_API_KEY"],
      ["--provider-mode MODE", "COPYDESK_PROVIDER_MODE"],
      ["--provider-timeout DURATION", "COPYDESK_PROVIDER_TIMEOUT"],
      ["--log-level LEVEL", "COPYDESK_LOG_LEVEL"],
      ["--http", undefined],
      ["--port PORT", "COPYDESK_HTTP_PORT"],
      ["--host ADDRESS", "COPYDESK_HTTP_HOST"],
      ["--allowed-host NAME", "COPYDESK_ALLOWED_HOSTS"],
      ["--http-token TOKEN", "COPYDESK_HTTP_TOKEN"],
      ["--session-idle DURATION", "COPYDESK_SESSION_IDLE"],
      ["--allow-private-images", "COPYDESK_ALLOW_PRIVATE_IMAGES"],
      ["-h, --help", undefined],
      ["-v, --version", undefined],
    ] as const;
    // Each option is a line "  FLAG" followed by its wrapped description, which ends with "[env VAR]".
    const entries = help
      .split("\n")
      .map((line, index, lines) => ({ line, index, lines }))
      .filter(({ line }) => /^ {2}-/.test(line))
      .map(({ line, index, lines }) => {
        const rest = lines.slice(index + 1);
        const end = rest.findIndex((next) => !next.startsWith("      "));
        const description = rest
          .slice(0, end === -1 ? undefined : end)
          .map((part) => part.trim())
          .join(" ");
        return [line.trim(), /\[env (\w+)\]$/.exec(description)?.[1]];
      });
    assert.deepEqual(entries, expected);
    assert.equal(SERVER_OPTIONS.length, expected.length);
  });
});

describe("durations", () => {
  it("parses units and bare seconds", () => {
    assert.equal(parseDuration("90"), 90_000);
    assert.equal(parseDuration("1500ms"), 1500);
    assert.equal(parseDuration("5m"), 300_000);
    assert.equal(parseDuration("1.5s"), 1500);
    assert.equal(parseDuration("1h"), 3_600_000);
    assert.equal(parseDuration("7d"), 7 * 86_400_000);
    assert.equal(parseDuration("5min"), 300_000);
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
