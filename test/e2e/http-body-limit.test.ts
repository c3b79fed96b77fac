import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { after, before, describe, it } from "node:test";
import { type HttpProcess, startHttpProcess } from "../support/http-server.ts";

const FIVE_MB = Buffer.alloc(5 * 1024 * 1024, " ");

/** Node's own client, which (unlike curl and fetch) keeps writing a body the server has refused. */
function post(
  url: string,
  headers: Record<string, string>,
  options: { waitForContinue?: boolean } = {},
): Promise<{ status: number; continued: boolean }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json, text/event-stream",
          ...headers,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, continued }));
      },
    );
    req.on("error", reject);
    if (options.waitForContinue) {
      req.on("continue", () => {
        continued = true;
        req.end(FIVE_MB);
      });
    } else {
      req.end(FIVE_MB);
    }
  });
}

describe("a 5 MB POST from Node's http client gets 413, not EPIPE (issue 9, item 7)", () => {
  let server: HttpProcess;
  before(async () => {
    server = await startHttpProcess();
  });
  after(() => server.stop());

  it("with Connection: close and a Content-Length", async () => {
    for (let round = 0; round < 3; round++) {
      const reply = await post(server.url, { Connection: "close", "Content-Length": String(FIVE_MB.length) });
      assert.equal(reply.status, 413);
    }
  });

  it("with Connection: close, chunked", async () => {
    for (let round = 0; round < 3; round++) {
      const reply = await post(server.url, { Connection: "close", "Transfer-Encoding": "chunked" });
      assert.equal(reply.status, 413);
    }
  });

  it("with Expect: 100-continue: 413 before the body is sent", async () => {
    const reply = await post(
      server.url,
      { Expect: "100-continue", "Content-Length": String(FIVE_MB.length) },
      { waitForContinue: true },
    );
    assert.deepEqual(reply, { status: 413, continued: false });
  });

  it("with Expect: 100-continue and a body within the limit: 100 Continue, then the request is handled", async () => {
    const target = new URL(server.url);
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" });
    const status = await new Promise<{ status: number; continued: boolean }>((resolve, reject) => {
      let continued = false;
      const req = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json, text/event-stream",
            Expect: "100-continue",
            "Content-Length": String(Buffer.byteLength(body)),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, continued }));
        },
      );
      req.on("error", reject);
      req.on("continue", () => {
        continued = true;
        req.end(body);
      });
    });
    // Read and judged: no session and not an initialize request.
    assert.deepEqual(status, { status: 400, continued: true });
  });
});
