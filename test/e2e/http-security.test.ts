import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  connectHttpClient,
  type HttpProcess,
  INITIALIZE,
  rawRequest,
  startHttpProcess,
} from "../support/http-server.ts";

const TOKEN = "s3cret-Token_for.tests~42";
const auth = { Authorization: `Bearer ${TOKEN}` };

describe("HTTP with a token and an extra allowed host", () => {
  let server: HttpProcess;
  let port: string;
  before(async () => {
    server = await startHttpProcess({
      args: ["--allowed-host", "copydesk.test"],
      env: { COPYDESK_HTTP_TOKEN: TOKEN },
    });
    port = new URL(server.url).port;
  });
  after(() => server.stop());

  it("a Host outside the allow-list gets 403, even with the right token (DNS rebinding)", async () => {
    const response = await rawRequest(server.url, {
      headers: { ...auth, Host: `evil.example.com:${port}` },
      body: INITIALIZE,
    });
    assert.equal(response.status, 403);
    assert.equal(JSON.parse(response.body).error.code, -32000);
  });

  it("an Origin outside the allow-list gets 403", async () => {
    const response = await rawRequest(server.url, {
      headers: { ...auth, Origin: "http://evil.example.com" },
      body: INITIALIZE,
    });
    assert.equal(response.status, 403);
  });

  it("a name added with --allowed-host, and loopback names with any port, are accepted", async () => {
    for (const host of [`copydesk.test:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const response = await rawRequest(server.url, {
        headers: { ...auth, Host: host, Origin: `http://${host}` },
        body: INITIALIZE,
      });
      assert.equal(response.status, 200, host);
    }
  });

  it("no token gets 401 with a Bearer challenge", async () => {
    const response = await rawRequest(server.url, { body: INITIALIZE });
    assert.equal(response.status, 401);
    assert.match(String(response.headers["www-authenticate"]), /^Bearer /);
  });

  for (const [what, value] of [
    ["a wrong token", "Bearer not-the-token"],
    ["the token with a suffix", `Bearer ${TOKEN}x`],
    ["the right token in another scheme", `Basic ${TOKEN}`],
  ] as const) {
    it(`${what} gets 401 invalid_token`, async () => {
      const response = await rawRequest(server.url, { headers: { Authorization: value }, body: INITIALIZE });
      assert.equal(response.status, 401);
      assert.match(String(response.headers["www-authenticate"]), /^Bearer .*error="invalid_token"/);
    });
  }

  it("the SDK client with the token works, and the token never reaches the log", async () => {
    const http = await connectHttpClient(server.url, { token: TOKEN });
    try {
      assert.ok((await http.client.listTools()).tools.length > 0);
    } finally {
      await http.close();
    }
    assert.ok(!server.stderr().includes(TOKEN));
    assert.match(server.stderr(), /bearer token required/);
  });

  it("a body over 4 MiB gets 413, declared or chunked", async () => {
    const body = Buffer.alloc(4 * 1024 * 1024 + 1, " ");
    const declared = await rawRequest(server.url, { headers: auth, body });
    assert.equal(declared.status, 413);
    const chunked = await rawRequest(server.url, {
      headers: { ...auth, "Transfer-Encoding": "chunked" },
      body,
    });
    assert.equal(chunked.status, 413);
    // Just under the limit is read, and fails only as JSON.
    const under = await rawRequest(server.url, { headers: auth, body: Buffer.alloc(4 * 1024 * 1024, "x") });
    assert.equal(under.status, 400);
  });

  it("other paths get 404, other methods 405 with Allow", async () => {
    const elsewhere = await rawRequest(server.url, { headers: auth, path: "/", body: INITIALIZE });
    assert.equal(elsewhere.status, 404);
    const put = await rawRequest(server.url, { headers: auth, method: "PUT", body: INITIALIZE });
    assert.equal(put.status, 405);
    assert.equal(put.headers.allow, "GET, POST, DELETE");
  });

  it("without a session only initialize is accepted; an unknown session gets 404", async () => {
    const ping = JSON.stringify({ jsonrpc: "2.0", id: 2, method: "ping" });
    assert.equal((await rawRequest(server.url, { headers: auth, body: ping })).status, 400);
    const unknown = await rawRequest(server.url, {
      headers: { ...auth, "Mcp-Session-Id": "00000000-0000-0000-0000-000000000000" },
      body: ping,
    });
    assert.equal(unknown.status, 404);
    const get = await rawRequest(server.url, {
      headers: { ...auth, Accept: "text/event-stream" },
      method: "GET",
    });
    assert.equal(get.status, 400);
  });
});
