import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { writing } from "../support/copy-replies.ts";
import { connectHttpClient, startHttpProcess } from "../support/http-server.ts";
import { PNG } from "../support/images.ts";
import { callTool, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

/** What an internal service holds; "SECRETKE" is what the error used to show as 53 45 43 52 45 54 4b 45. */
const SECRET = Buffer.from("SECRETKEY=internal-only");
const TRACES = [/SECRETKE/, /53 45 43 52/i, /internal-only/, /Internal Only/, /x-secret/];

describe("image URLs on this machine's network, over --http", () => {
  let internal: ReturnType<typeof createServer>;
  let base: string;
  const requested: string[] = [];

  before(async () => {
    internal = createServer((request, response) => {
      requested.push(request.url ?? "");
      if (request.url === "/mug.png") {
        response.writeHead(200, { "content-type": "image/png" });
        response.end(PNG);
      } else if (request.url === "/to-secret") {
        response.writeHead(302, { location: "/secret.png" });
        response.end();
      } else {
        response.writeHead(200, "Internal Only", { "content-type": "application/x-secret" });
        response.end(Buffer.concat([SECRET, Buffer.from([0, 1, 2])]));
      }
    });
    await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
  });

  after(async () => {
    internal.closeAllConnections();
    await new Promise((resolve) => internal.close(resolve));
  });

  it("are refused before any connection, and nothing of the internal server reaches the caller", async () => {
    const server = await startHttpProcess();
    const http = await connectHttpClient(server.url, { sampling: writing("A red mug.") });
    try {
      requested.length = 0;
      const port = new URL(base).port;
      for (const image of [
        `${base}/secret.png`,
        `${base}/to-secret`,
        `http://2130706433:${port}/secret.png`,
      ]) {
        const result = await callTool(http.client, "create_product", {
          title: "Mug",
          keywords: ["red"],
          image,
        });
        assert.equal(result.isError, true, image);
        const text = textOf(result);
        assert.match(text, /was not fetched: it is on a loopback, private or link-local network address/);
        assert.match(text, /--allow-private-images/);
        for (const trace of TRACES) assert.doesNotMatch(JSON.stringify(result), trace);
      }
      assert.deepEqual(requested, [], "copydesk connected to the internal server");
      assert.equal(http.samplingRequests.length, 0, "nothing was sent to the model");
    } finally {
      await http.close();
      await server.stop();
    }
  });

  it("are fetched with --allow-private-images, and a failure still shows none of the body or headers", async () => {
    const server = await startHttpProcess({ args: ["--allow-private-images"] });
    const http = await connectHttpClient(server.url, { sampling: writing("A red mug.") });
    try {
      const result = await callTool(http.client, "create_product", {
        title: "Mug",
        keywords: ["red"],
        image: `${base}/mug.png`,
      });
      assert.equal(result.isError, undefined, textOf(result));
      const { image } = structured("create_product", result).product;
      assert.equal(image?.sha256, createHash("sha256").update(PNG).digest("hex"));
      assert.equal(http.samplingRequests.length, 1);
      const failed = await callTool(http.client, "create_product", {
        title: "Mug",
        keywords: ["red"],
        image: `${base}/to-secret`,
      });
      assert.equal(failed.isError, true);
      assert.match(
        textOf(failed),
        /to-secret" is not an image copydesk can send \(found unrecognised data\)/,
      );
      for (const trace of TRACES) assert.doesNotMatch(JSON.stringify(failed), trace);
    } finally {
      await http.close();
      await server.stop();
    }
  });
});
