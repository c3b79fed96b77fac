import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { z } from "zod";
import type { Check } from "../../src/checks/index.ts";
import type { WritingBrief } from "../../src/kinds/brief.ts";
import { GenerationError } from "../../src/llm/errors.ts";
import { ProviderError } from "../../src/llm/providers/errors.ts";
import { Secret } from "../../src/llm/providers/secret.ts";
import { readCopy } from "../../src/llm/read-copy.ts";
import type { Writer } from "../../src/llm/router.ts";
import { writeCopy } from "../../src/llm/write-copy.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { loadCopyLibraries } from "../../src/services/libraries.ts";

before(() => loadCopyLibraries());

const schema = z.object({ title: z.string().min(1), words: z.number().int() });
type Copy = z.infer<typeof schema>;
const brief: WritingBrief = {
  label: "test copy",
  systemPrompt: "S",
  userPrompt: "U",
  maxTokens: 100,
  temperature: 0.5,
};
const call = { requestId: 1, signal: new AbortController().signal };
const logger = createLogger([]);

/** A writer that answers with these replies in turn (an Error is thrown), recording every brief. */
function writer(
  replies: ReadonlyArray<string | Error>,
  key?: Secret,
  model = "m",
): Writer & { briefs: WritingBrief[] } {
  const queue = [...replies];
  const briefs: WritingBrief[] = [];
  return {
    briefs,
    async write(given) {
      briefs.push(given);
      const next = queue.shift();
      if (next === undefined) throw new Error("asked once too often");
      if (next instanceof Error) throw next;
      return {
        result: "written",
        generation: {
          text: next,
          model,
          stopReason: "endTurn",
          route: "client-sampling",
          truncated: false,
        },
      };
    },
    plannedRoute: () => "client-sampling",
    spendRequestIdZero() {},
    carriesKey: (text) => key?.appearsIn(text) ?? false,
  };
}

const request = {
  brief,
  read: (reply: string) => readCopy(reply, schema, (parsed) => parsed),
  // Fails while the copy has fewer than 10 words.
  check: (copy: Copy): Check[] => [{ check: "length", ok: copy.words >= 10, detail: `${copy.words} words` }],
  show: (copy: Copy) => JSON.stringify(copy),
};

describe("writeCopy", () => {
  it("takes a good first reply with one request", async () => {
    const w = writer(['{"title": "A", "words": 12}']);
    const outcome = await writeCopy(request, w, call, logger);
    assert.equal(outcome.result, "written");
    assert.deepEqual(outcome.result === "written" && [outcome.copy, outcome.requests], [
      { title: "A", words: 12 },
      1,
    ]);
  });

  it("repairs a reply that does not validate, quoting the errors and the reply back", async () => {
    const w = writer(['{"title": ""}', '{"title": "A", "words": 12}']);
    const outcome = await writeCopy(request, w, call, logger);
    assert.equal(outcome.result === "written" && outcome.copy.title, "A");
    const followUps = w.briefs[1]?.followUps ?? [];
    assert.deepEqual(followUps[0], { role: "assistant", text: '{"title": ""}' });
    assert.match(followUps[1]?.text ?? "", /could not be used: title: .*words:/);
  });

  it("gives up after two unusable replies, naming both problems", async () => {
    const w = writer(["no JSON at all", '{"title": "A"}']);
    await assert.rejects(writeCopy(request, w, call, logger), (error: unknown) => {
      assert.ok(error instanceof GenerationError);
      assert.equal(error.failure, "invalid");
      assert.match(error.message, /nothing was stored.*no JSON object.*words/s);
      return true;
    });
  });

  it("asks once more for failed checks and keeps the better copy", async () => {
    const w = writer(['{"title": "A", "words": 3}', '{"title": "B", "words": 11}']);
    const outcome = await writeCopy(request, w, call, logger);
    assert.equal(outcome.result === "written" && outcome.copy.title, "B");
    assert.match(w.briefs[1]?.followUps?.[1]?.text ?? "", /fails these checks: length: 3 words/);
    assert.equal(w.briefs[1]?.followUps?.[0]?.text, '{"title":"A","words":3}');
  });

  it("keeps the first copy when the retry is no better, unusable, or fails", async () => {
    const failures = [
      new GenerationError("declined", "no"),
      new ProviderError("rate-limited", "429 after every retry", 429),
      new ProviderError("disconnected", "socket closed"),
    ];
    for (const second of ['{"title": "B", "words": 2}', "garbage", ...failures]) {
      const outcome = await writeCopy(request, writer(['{"title": "A", "words": 3}', second]), call, logger);
      assert.equal(outcome.result === "written" && outcome.copy.title, "A", String(second));
    }
  });

  it("a cancellation during the retry is not swallowed", async () => {
    const w = writer(['{"title": "A", "words": 3}', new GenerationError("cancelled", "cancelled")]);
    await assert.rejects(writeCopy(request, w, call, logger), /cancelled/);
    const viaProvider = writer(['{"title": "A", "words": 3}', new ProviderError("cancelled", "cancelled")]);
    await assert.rejects(writeCopy(request, viaProvider, call, logger), /cancelled/);
  });

  it("keeps a reply in prose as copy, with no repair and no retry for its failing checks", async () => {
    const prose = {
      ...request,
      prose: (reply: string): Copy | undefined =>
        reply.startsWith("Prose") ? { title: reply, words: 0 } : undefined,
    };
    const w = writer(["Prose: a short answer"]);
    const outcome = await writeCopy(prose, w, call, logger);
    assert.equal(outcome.result, "written");
    if (outcome.result !== "written") return;
    assert.deepEqual(
      [outcome.copy.title, outcome.requests, outcome.prose],
      ["Prose: a short answer", 1, true],
    );
    assert.equal(outcome.checks[0]?.ok, false, "the checks still run and fail");
    assert.equal(w.briefs.length, 1);
  });

  it("keeps prose given after a repair request, and repairs a broken object rather than reading it as prose", async () => {
    const prose = {
      ...request,
      prose: (reply: string): Copy | undefined => ({ title: reply, words: 12 }),
    };
    const repaired = await writeCopy(prose, writer(['{"title": ', "Prose at last"]), call, logger);
    assert.deepEqual(repaired.result === "written" && [repaired.copy.title, repaired.requests], [
      "Prose at last",
      2,
    ]);
    const unusable = { ...request, prose: () => undefined };
    await assert.rejects(writeCopy(unusable, writer(["I'm sorry", "I'm sorry"]), call, logger), /twice/);
  });

  describe("refuses copy whose cleaned form is the API key (issue 19, item 8)", () => {
    const KEY = "sk-proj-Zq8vR2mXw4Tn6Yp0Lk3JhG";
    const secret = new Secret(KEY);
    const split = (between: string) => `${KEY.slice(0, 9)}${between}${KEY.slice(9)}`;
    // As the model's JSON holds them: reading it decodes the escapes, cleaning drops the rest.
    const variants: Record<string, string> = {
      "zero-width space": split("\u200b"),
      "control character (escaped: JSON takes none raw)": split("\\u0007"),
      "bidi override": split("\u202e"),
      "JSON \\u escapes": [...KEY]
        .map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)
        .join(""),
    };
    for (const [name, hidden] of Object.entries(variants)) {
      it(name, async () => {
        const reply = `{"title": "Mug ${hidden}", "words": 12}`;
        const read = request.read(reply);
        assert.ok(read.ok && read.copy.title.includes(KEY), "cleaning rebuilds the key");
        await assert.rejects(writeCopy(request, writer([reply], secret), call, logger), (error: unknown) => {
          assert.ok(error instanceof ProviderError, String(error));
          assert.equal(error.failure, "bad-response");
          assert.match(error.message, /carried the provider's API key once cleaned/);
          assert.ok(!error.message.includes(KEY));
          return true;
        });
      });
    }
    it("in prose and in the model's name too; a retry carrying it is dropped for the first copy", async () => {
      const prose = { ...request, prose: (reply: string): Copy => ({ title: reply, words: 12 }) };
      await assert.rejects(writeCopy(prose, writer([`Prose ${KEY}`], secret), call, logger), /API key/);
      const named = writer(['{"title": "A", "words": 12}'], secret, KEY);
      await assert.rejects(writeCopy(request, named, call, logger), /API key/);
      const retry = writer(['{"title": "A", "words": 3}', `{"title": "${KEY}", "words": 11}`], secret);
      const outcome = await writeCopy(request, retry, call, logger);
      assert.equal(outcome.result === "written" && outcome.copy.title, "A");
    });
  });

  it("hands the host-model route straight back", async () => {
    const host: Writer = {
      write: async () => ({ result: "host-model", reason: "no sampling" }),
      plannedRoute: () => "host-model",
      spendRequestIdZero() {},
      carriesKey: () => false,
    };
    assert.deepEqual(await writeCopy(request, host, call, logger), {
      result: "host-model",
      reason: "no sampling",
    });
  });
});
