import assert from "node:assert/strict";
import type { LookupAddress } from "node:dns";
import { createServer } from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import { after, before, describe, it } from "node:test";
import { imageLoaderDeps } from "../../src/images/image-loader-deps.ts";
import { type ImageRequest, imageRequest } from "../../src/images/image-request.ts";
import { ImageError, type ImageLoaderDeps, loadImage } from "../../src/images/load-image.ts";
import { PNG } from "../support/images.ts";

/** What an internal service holds: it must never reach a caller, not even as a hex dump in an error. */
const SECRET = Buffer.from("SECRETKEY=hunter2-internal-only");
const SECRET_TRACES = [/SECRETKEY/, /hunter2/, /53 45 43/i, /Internal Only/, /x-secret/];

/** A fake DNS: names to addresses, as dns.lookup answers (all: true or not). */
function fakeDns(names: Record<string, string[]>, asked: string[] = []): LookupFunction {
  return (hostname, options, callback) => {
    asked.push(hostname);
    const addresses: LookupAddress[] = (names[hostname] ?? []).map((address) => ({
      address,
      family: address.includes(":") ? 6 : 4,
    }));
    const first = addresses[0];
    if (!first) {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "");
    } else if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    (image) => assert.fail(`expected a refusal, but it loaded ${JSON.stringify(image).slice(0, 200)}`),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof ImageError, `not an ImageError: ${String(error)}`);
  for (const trace of SECRET_TRACES) assert.doesNotMatch(error.message, trace);
  return error.message;
}

describe("image URLs on a private network", () => {
  let server: ReturnType<typeof createServer>;
  let port: number;
  /** What the "internal" server was asked: a refusal must happen before any connection. */
  const requested: string[] = [];

  before(async () => {
    server = createServer((request, response) => {
      requested.push(request.url ?? "");
      if (request.url === "/mug.png") {
        response.writeHead(200, { "content-type": "image/png" });
        response.end(PNG);
      } else if (request.url === "/binary") {
        response.end(Buffer.concat([Buffer.from([0, 1, 2]), SECRET]));
      } else if (request.url === "/broken") {
        response.writeHead(500, "Internal Only", { "x-secret": "1", "content-type": "text/x-secret" });
        response.end(SECRET);
      } else {
        response.writeHead(200, { "content-type": "application/x-secret" });
        response.end(SECRET);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function deps(options: { privateAddresses: boolean; lookup?: LookupFunction; request?: ImageRequest }) {
    const { request, ...network } = options;
    const base = imageLoaderDeps({
      maxBytes: 4096,
      timeoutMs: 5000,
      cwd: "/",
      localFiles: false,
      ...network,
    });
    return request ? ({ ...base, request } satisfies ImageLoaderDeps) : base;
  }

  it("refuses an address in the URL, however it is written, before connecting", async () => {
    requested.length = 0;
    for (const host of [
      "127.0.0.1",
      "2130706433",
      "0x7f.1",
      "0x7f000001",
      "127.1",
      "[::ffff:127.0.0.1]",
      "0.0.0.0",
      "[::1]",
    ]) {
      const message = await refusal(
        loadImage(`http://${host}:${port}/secret.png`, deps({ privateAddresses: false })),
      );
      assert.match(
        message,
        /was not fetched: it is on a loopback, private or link-local network address/,
        host,
      );
      assert.match(message, /--allow-private-images/);
    }
    assert.deepEqual(requested, []);
  });

  it("refuses a name that resolves to a private address, checking the address the connection uses", async () => {
    requested.length = 0;
    const asked: string[] = [];
    const lookup = fakeDns(
      {
        "images.shop.example": ["127.0.0.1"],
        "metadata.example": ["169.254.169.254"],
        "mixed.example": ["93.184.216.34", "127.0.0.1"],
        "mapped.example": ["::ffff:127.0.0.1"],
        "ula.example": ["fd00::1"],
      },
      asked,
    );
    for (const name of [
      "images.shop.example",
      "metadata.example",
      "mixed.example",
      "mapped.example",
      "ula.example",
    ]) {
      const message = await refusal(
        loadImage(`http://${name}:${port}/secret.png`, deps({ privateAddresses: false, lookup })),
      );
      assert.match(message, /it is on a loopback, private or link-local network address/, name);
    }
    assert.deepEqual(asked, [
      "images.shop.example",
      "metadata.example",
      "mixed.example",
      "mapped.example",
      "ula.example",
    ]);
    assert.deepEqual(requested, []);
  });

  it("connects through that same lookup, so a name only the fake DNS knows works once allowed", async () => {
    const lookup = fakeDns({ "images.shop.example": ["127.0.0.1"] });
    const image = await loadImage(
      `http://images.shop.example:${port}/mug.png`,
      deps({ privateAddresses: true, lookup }),
    );
    assert.equal(image.mimeType, "image/png");
    assert.equal(image.bytes, PNG.length);
  });

  it("checks every redirect: a public page that redirects inside is refused at the hop", async () => {
    requested.length = 0;
    const checked = imageRequest({
      privateAddresses: false,
      lookup: fakeDns({ "internal.example": ["10.0.0.7", "127.0.0.1"] }),
    });
    // The first hop plays a public server (none is reachable from a test); every later hop is the real one.
    const hops: string[] = [];
    const request: ImageRequest = (url, init) => {
      hops.push(url.href);
      if (url.hostname !== "cdn.example") return checked(url, init);
      const location =
        url.pathname === "/literal"
          ? `http://127.0.0.1:${port}/secret.png`
          : `http://internal.example:${port}/secret.png`;
      return Promise.resolve(new Response(null, { status: 302, headers: { location } }));
    };
    for (const path of ["/moved", "/literal"]) {
      const message = await refusal(
        loadImage(`https://cdn.example${path}`, deps({ privateAddresses: false, request })),
      );
      assert.match(
        message,
        new RegExp(
          `^The image at "https://cdn\\.example${path}" was not fetched: it redirects to a loopback, private or link-local`,
        ),
      );
    }
    assert.equal(hops.length, 4);
    assert.deepEqual(requested, []);
  });

  it("when allowed, still says only the status number and the kind of data, never the bytes or headers", async () => {
    const allowed = deps({ privateAddresses: true });
    const broken = await refusal(loadImage(`http://127.0.0.1:${port}/broken`, allowed));
    assert.match(broken, /could not be fetched: the server answered 500\.$/);
    const notImage = await refusal(loadImage(`http://127.0.0.1:${port}/secret.png`, allowed));
    assert.match(notImage, /is not an image copydesk can send \(found text\)/);
    // Binary of no known type: a download's error does not show its first bytes, a data: URL's does.
    const binary = await refusal(loadImage(`http://127.0.0.1:${port}/binary`, allowed));
    assert.match(binary, /\(found unrecognised data\)\./);
    const dataUrl = Buffer.concat([Buffer.from([0, 1, 2]), SECRET]).toString("base64");
    await assert.rejects(
      loadImage(`data:image/png;base64,${dataUrl}`, allowed),
      /unrecognised data starting 00 01 02 53/,
    );
  });
});
