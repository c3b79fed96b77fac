import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { writing } from "../support/copy-replies.ts";
import {
  connectHttpClient,
  type HttpProcess,
  INITIALIZE,
  rawRequest,
  startHttpProcess,
} from "../support/http-server.ts";
import { callTool, EXECUTABLE, NO_NODE_PATH } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

const run = promisify(execFile);
const PING = JSON.stringify({ jsonrpc: "2.0", id: 2, method: "ping" });

/** Opens a session by hand, with no GET stream holding it open; returns its id. */
async function rawSession(server: HttpProcess): Promise<string> {
  const response = await rawRequest(server.url, { body: INITIALIZE });
  assert.equal(response.status, 200);
  const id = String(response.headers["mcp-session-id"]);
  const initialized = JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" });
  const headers = { "Mcp-Session-Id": id };
  assert.equal((await rawRequest(server.url, { headers, body: initialized })).status, 202);
  return id;
}

const pingIn = async (server: HttpProcess, id: string) =>
  (await rawRequest(server.url, { headers: { "Mcp-Session-Id": id }, body: PING })).status;

describe("HTTP sessions", () => {
  it("DELETE ends a session: its id is then unknown (404)", async () => {
    const server = await startHttpProcess();
    try {
      const http = await connectHttpClient(server.url);
      const id = http.transport.sessionId ?? "";
      assert.equal(await pingIn(server, id), 200);
      await http.transport.terminateSession();
      await http.close();
      assert.equal(await pingIn(server, id), 404);
    } finally {
      await server.stop();
    }
  });

  it("an idle session is closed; one waiting on sampling is not", async () => {
    const server = await startHttpProcess({ args: ["--session-idle", "300ms"] });
    try {
      const idle = await rawSession(server);
      // The handler answers well after the idle limit: the open tool call must keep the session.
      const slow = await connectHttpClient(server.url, {
        sampling: async (request, extra) => {
          await sleep(1000);
          return writing("Worth the wait.")(request, extra);
        },
      });
      const result = await callTool(slow.client, "create_product", { title: "Clock", keywords: ["k"] });
      assert.ok(structured("create_product", result).product.description?.startsWith("Worth the wait."));
      assert.equal(await pingIn(server, idle), 404);
      await slow.close();
    } finally {
      await server.stop();
    }
  });
});

describe("HTTP session cap", () => {
  it("100 sessions at most, even opened all at once; the next gets 503 until one ends", async () => {
    const server = await startHttpProcess();
    try {
      const opened = await Promise.all(
        Array.from({ length: 101 }, () => rawRequest(server.url, { body: INITIALIZE })),
      );
      const statuses = opened.map((response) => response.status);
      assert.equal(statuses.filter((status) => status === 200).length, 100);
      assert.equal(statuses.filter((status) => status === 503).length, 1);
      const id = String(opened.find((response) => response.status === 200)?.headers["mcp-session-id"]);
      const ended = await rawRequest(server.url, { method: "DELETE", headers: { "Mcp-Session-Id": id } });
      assert.equal(ended.status, 200);
      assert.equal((await rawRequest(server.url, { body: INITIALIZE })).status, 200);
    } finally {
      await server.stop();
    }
  });
});

describe("HTTP process lifecycle", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`${signal} exits 0, even with a sampling request pending`, async () => {
      const server = await startHttpProcess();
      let asked: () => void = () => {};
      const samplingArrived = new Promise<void>((resolve) => {
        asked = resolve;
      });
      const http = await connectHttpClient(server.url, {
        sampling: () => {
          asked();
          return new Promise(() => {});
        },
      });
      try {
        const call = callTool(http.client, "create_product", { title: "Never", keywords: ["k"] }).catch(
          () => undefined,
        );
        await samplingArrived;
        const sent = performance.now();
        server.child.kill(signal);
        assert.deepEqual(await server.exited(), { code: 0, signal: null });
        // Closing the sessions ends their streams at once; the 2 s watchdog grace is not needed.
        assert.ok(performance.now() - sent < 1500, `took ${Math.round(performance.now() - sent)} ms`);
        await http.close();
        await call;
      } finally {
        await http.close().catch(() => {});
        await server.stop();
      }
    });
  }

  it("the end of stdin does not stop it: it may run detached", async () => {
    const server = await startHttpProcess();
    try {
      server.child.stdin.end();
      await sleep(300);
      assert.equal(server.child.exitCode, null);
      assert.equal((await rawRequest(server.url, { body: INITIALIZE })).status, 200);
    } finally {
      await server.stop();
    }
  });

  it("a port in use is one line on stderr and exit 1", async () => {
    const server = await startHttpProcess();
    try {
      const error = await run(EXECUTABLE, ["--http", "--port", new URL(server.url).port]).then(
        () => assert.fail("expected a non-zero exit"),
        (e: { code: number; stderr: string }) => e,
      );
      assert.equal(error.code, 1);
      assert.match(error.stderr, /^copydesk: cannot listen on 127\.0\.0\.1 port \d+: EADDRINUSE\n$/);
    } finally {
      await server.stop();
    }
  });

  for (const args of [
    ["--http", "--port", "eighty"],
    ["--http", "--port", "65536"],
    ["--port", "8000"],
    ["--http-token", "t"],
    ["--http", "--host", "0.0.0.0"],
    ["--http", "--host", "192.168.1.5"],
    ["--http", "--allowed-host", "a/b"],
    ["--http", "--session-idle", "never"],
  ]) {
    it(`a usage error is one line on stderr and exit 2: ${args.join(" ")}`, async () => {
      const error = await run(EXECUTABLE, args, { env: { PATH: NO_NODE_PATH } }).then(
        () => assert.fail("expected a non-zero exit"),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      assert.equal(error.code, 2);
      assert.equal(error.stdout, "");
      assert.match(error.stderr, /^copydesk: .+\n$/);
    });
  }

  it("--help describes the HTTP flags", async () => {
    const { stdout } = await run(EXECUTABLE, ["--help"]);
    for (const flag of ["--http", "--port", "--host", "--allowed-host", "--http-token"]) {
      assert.match(stdout, new RegExp(`^ {2}${flag}( |$)`, "m"), flag);
    }
    assert.ok(stdout.includes("COPYDESK_HTTP_TOKEN"));
  });
});

describe("HTTP JSON-RPC errors", () => {
  it("valid JSON that is not JSON-RPC gets -32600, broken JSON -32700", async () => {
    const server = await startHttpProcess();
    try {
      const id = await rawSession(server);
      const headers = { "Mcp-Session-Id": id };
      for (const body of ['{"hello":"world"}', "[1,2]", "42", '{"jsonrpc":"1.0","id":3,"method":"ping"}']) {
        const response = await rawRequest(server.url, { headers, body });
        assert.equal(response.status, 400, body);
        assert.equal(JSON.parse(response.body).error.code, -32600, body);
      }
      const broken = await rawRequest(server.url, { headers, body: '{"jsonrpc":' });
      assert.equal(JSON.parse(broken.body).error.code, -32700);
      assert.equal(await pingIn(server, id), 200);
    } finally {
      await server.stop();
    }
  });
});
