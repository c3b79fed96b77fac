import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parseProviderConfig } from "../../src/cli/provider-config.ts";
import type { WritingBrief } from "../../src/kinds/brief.ts";
import { createProvider } from "../../src/llm/providers/create-provider.ts";
import type { Provider } from "../../src/llm/providers/provider.ts";
import { createLogger } from "../../src/platform/logger.ts";
import {
  ANTHROPIC_TEXT,
  FAKE_MODEL,
  type FakeLlmServer,
  OPENAI_TEXT,
  startFakeAnthropic,
  startFakeOpenAi,
} from "../support/fake-llm-servers.ts";
import { JPEG, PNG } from "../support/images.ts";

const BRIEF: WritingBrief = {
  label: "product description",
  systemPrompt: "You write short, accurate product copy.",
  userPrompt: "Describe this product: a red enamel mug.",
  maxTokens: 321,
  temperature: 0.4,
};
const IMAGE = { mimeType: "image/png", data: PNG.toString("base64") };
const FOLLOW_UPS: WritingBrief["followUps"] = [
  { role: "assistant", text: '{"description": "A mug."}' },
  { role: "user", text: "seo_title is missing: add it." },
];

function provider(name: "openai" | "anthropic", url: string): Provider {
  const options: Record<string, string> = {
    provider: name,
    "provider-url": url,
    "provider-model": FAKE_MODEL,
    "provider-timeout": "10s",
  };
  const config = parseProviderConfig((option) => options[option], {});
  assert.ok(config);
  return createProvider(config, { logger: createLogger([]) });
}

async function sent(fake: FakeLlmServer, model: Provider, brief: WritingBrief, text: string) {
  const before = fake.requests.length;
  const completion = await model.complete(brief, { signal: new AbortController().signal });
  // The fake checks each request as the real API would: a wrong shape is a 400 and a violation.
  assert.deepEqual(fake.violations, []);
  assert.equal(completion.text, text);
  const body = fake.requests[before]?.body as { messages: unknown[] };
  assert.ok(body, "the provider sent a request");
  return body.messages;
}

describe("OpenAI: images and follow-up turns", () => {
  let fake: FakeLlmServer;
  let model: Provider;
  before(async () => {
    fake = await startFakeOpenAi();
    model = provider("openai", fake.url);
  });
  after(() => fake.close());

  it("keeps the prompt a plain string without an image", async () => {
    assert.deepEqual(await sent(fake, model, BRIEF, OPENAI_TEXT), [
      { role: "system", content: BRIEF.systemPrompt },
      { role: "user", content: BRIEF.userPrompt },
    ]);
  });

  it("sends the image as an image_url data URL before the text, then the follow-ups in order", async () => {
    assert.deepEqual(
      await sent(fake, model, { ...BRIEF, image: IMAGE, followUps: FOLLOW_UPS }, OPENAI_TEXT),
      [
        { role: "system", content: BRIEF.systemPrompt },
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url: `data:image/png;base64,${IMAGE.data}` } },
            { type: "text", text: BRIEF.userPrompt },
          ],
        },
        { role: "assistant", content: '{"description": "A mug."}' },
        { role: "user", content: "seo_title is missing: add it." },
      ],
    );
  });

  it("is checked by the fake: an image declared as the wrong type is refused", async () => {
    const wrong = { ...BRIEF, image: { mimeType: "image/png", data: JPEG.toString("base64") } };
    await assert.rejects(model.complete(wrong, { signal: new AbortController().signal }));
    assert.match(fake.violations.join("\n"), /the image is image\/jpeg, not image\/png/);
    fake.violations.length = 0;
  });
});

describe("Anthropic: images and follow-up turns", () => {
  let fake: FakeLlmServer;
  let model: Provider;
  before(async () => {
    fake = await startFakeAnthropic();
    model = provider("anthropic", fake.url);
  });
  after(() => fake.close());

  const image = {
    type: "image",
    source: { type: "base64", media_type: "image/png", data: IMAGE.data },
  };

  it("keeps the prompt a plain string without an image or follow-ups", async () => {
    assert.deepEqual(await sent(fake, model, BRIEF, ANTHROPIC_TEXT), [
      { role: "user", content: BRIEF.userPrompt },
    ]);
  });

  it("sends the image as a base64 image block before the text, then the follow-ups in order", async () => {
    assert.deepEqual(
      await sent(fake, model, { ...BRIEF, image: IMAGE, followUps: FOLLOW_UPS }, ANTHROPIC_TEXT),
      [
        { role: "user", content: [image, { type: "text", text: BRIEF.userPrompt }] },
        { role: "assistant", content: [{ type: "text", text: '{"description": "A mug."}' }] },
        { role: "user", content: [{ type: "text", text: "seo_title is missing: add it." }] },
      ],
    );
  });

  it("merges turns of one role and leaves out empty ones, as the API wants roles to alternate", async () => {
    const followUps: WritingBrief["followUps"] = [
      { role: "user", text: "Also: it is dishwasher safe." },
      { role: "assistant", text: "  " },
      { role: "user", text: "Make it shorter." },
      { role: "assistant", text: "A mug." },
      { role: "user", text: "Shorter still." },
    ];
    assert.deepEqual(await sent(fake, model, { ...BRIEF, followUps }, ANTHROPIC_TEXT), [
      {
        role: "user",
        content: [
          { type: "text", text: BRIEF.userPrompt },
          { type: "text", text: "Also: it is dishwasher safe." },
          { type: "text", text: "Make it shorter." },
        ],
      },
      { role: "assistant", content: [{ type: "text", text: "A mug." }] },
      { role: "user", content: [{ type: "text", text: "Shorter still." }] },
    ]);
  });

  it("is checked by the fake: an image declared as the wrong type is refused", async () => {
    const wrong = { ...BRIEF, image: { mimeType: "image/png", data: JPEG.toString("base64") } };
    await assert.rejects(model.complete(wrong, { signal: new AbortController().signal }));
    assert.match(fake.violations.join("\n"), /Image does not match the provided media type image\/png/);
    fake.violations.length = 0;
  });
});
