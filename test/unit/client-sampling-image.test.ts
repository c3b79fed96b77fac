import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { type CreateMessageRequest, CreateMessageRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import type { WritingBrief } from "../../src/kinds/brief.ts";
import { type ClientSampling, createClientSampling } from "../../src/llm/client-sampling.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { PNG } from "../support/images.ts";

const BRIEF: WritingBrief = {
  label: "product description",
  systemPrompt: "You write short, accurate product copy.",
  userPrompt: "Describe this product: a red enamel mug.",
  maxTokens: 321,
  temperature: 0.4,
};

/** The request exactly as it reached the client, and the client's check of it against the SDK schema. */
describe("client sampling: images and follow-up turns", () => {
  const received: CreateMessageRequest[] = [];
  let sampling: ClientSampling;
  let client: Client;
  let server: Server;

  before(async () => {
    server = new Server({ name: "copydesk-test", version: "1.0.0" }, { capabilities: {} });
    client = new Client({ name: "test-client", version: "1.0.0" }, { capabilities: { sampling: {} } });
    // The SDK validates the request against CreateMessageRequestSchema before this handler runs.
    client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
      received.push(request);
      return { role: "assistant", content: { type: "text", text: "A red mug." }, model: "test-model" };
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    await client.connect(clientSide);
    sampling = createClientSampling(
      server,
      { timeoutMs: 10_000, modelPreferences: { intelligencePriority: 0.7 } },
      createLogger([]),
    );
  });

  after(async () => {
    await client.close();
    await server.close();
  });

  const call = () => ({ requestId: 1, signal: new AbortController().signal });

  async function ask(brief: WritingBrief): Promise<CreateMessageRequest> {
    const before = received.length;
    const reply = await sampling.ask(brief, call());
    assert.equal(reply.text, "A red mug.");
    const request = received[before];
    assert.ok(request, "the client received the request");
    // Valid for clients, and one block per message as the 2025-06-18 schema has it.
    CreateMessageRequestSchema.parse(request);
    for (const message of request.params.messages)
      assert.ok(!Array.isArray(message.content), "one block per message");
    return request;
  }

  it("sends the prompt alone when there is neither image nor follow-up", async () => {
    const request = await ask(BRIEF);
    assert.deepEqual(request.params.messages, [
      { role: "user", content: { type: "text", text: BRIEF.userPrompt } },
    ]);
    assert.equal(request.params.systemPrompt, BRIEF.systemPrompt);
  });

  it("sends the image as an image block in a user message before the prompt", async () => {
    const data = PNG.toString("base64");
    const request = await ask({ ...BRIEF, image: { mimeType: "image/png", data } });
    assert.deepEqual(request.params.messages, [
      { role: "user", content: { type: "image", data, mimeType: "image/png" } },
      { role: "user", content: { type: "text", text: BRIEF.userPrompt } },
    ]);
  });

  it("sends the follow-up turns after the prompt, in order and with their roles", async () => {
    const data = PNG.toString("base64");
    const request = await ask({
      ...BRIEF,
      image: { mimeType: "image/png", data },
      followUps: [
        { role: "assistant", text: '{"description": "A mug."}' },
        { role: "user", text: "seo_title is missing: add it." },
      ],
    });
    assert.deepEqual(
      request.params.messages.map((message) => [message.role, message.content]),
      [
        ["user", { type: "image", data, mimeType: "image/png" }],
        ["user", { type: "text", text: BRIEF.userPrompt }],
        ["assistant", { type: "text", text: '{"description": "A mug."}' }],
        ["user", { type: "text", text: "seo_title is missing: add it." }],
      ],
    );
  });
});
