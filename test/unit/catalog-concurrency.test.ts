import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createAdaptiveLimiter, type LimiterClock, overloadOfReply } from "../../src/services/concurrency.ts";

/** Time that moves only when the test says so; `settle` runs every timer due, in order, until none is left. */
function fakeClock() {
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: LimiterClock = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = ++nextId;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    clock,
    now: () => now,
    sleep: (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms)),
    async settle() {
      for (;;) {
        await flush();
        const due = [...timers.entries()].sort(([a, x], [b, y]) => x.at - y.at || a - b)[0];
        if (due === undefined) return;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
    },
  };
}

/** The task's error, caught as soon as it is made so that no rejection goes unhandled while time is faked. */
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail("expected a failure"),
    (error: unknown) => error as Error,
  );

class HttpStatusError extends Error {
  readonly status: number;
  readonly retryAfterMs: number | undefined;
  constructor(status: number, retryAfterMs?: number) {
    super(`HTTP ${status}`);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** A provider that answers in 300 ms, and at once with 429 + Retry-After 1 s when more than `capacity` are in flight. */
function fakeProvider(time: ReturnType<typeof fakeClock>, capacity = 16) {
  let inFlight = 0;
  const seen = { peak: 0, rejected: 0, served: 0, starts: [] as number[], overloads: [] as number[] };
  return {
    seen,
    async call(): Promise<string> {
      seen.starts.push(time.now());
      if (inFlight >= capacity) {
        seen.rejected++;
        seen.overloads.push(time.now());
        await time.sleep(5);
        throw new HttpStatusError(429, 1000);
      }
      inFlight++;
      seen.peak = Math.max(seen.peak, inFlight);
      await time.sleep(300);
      inFlight--;
      seen.served++;
      return "copy";
    },
  };
}

describe("adaptive concurrency", () => {
  it("grows from a few to the maximum while replies succeed, and never goes above it", async () => {
    const time = fakeClock();
    const provider = fakeProvider(time);
    const limiter = createAdaptiveLimiter({ clock: time.clock });
    assert.equal(limiter.state().limit, 4);
    const results = Array.from({ length: 200 }, () => limiter.run(() => provider.call()));
    await time.settle();
    assert.equal((await Promise.all(results)).length, 200);
    assert.equal(provider.seen.rejected, 0);
    assert.equal(provider.seen.peak, 16);
    assert.equal(limiter.state().limit, 16);
    // 200 × 300 ms / 16 = 3750 ms at best; starting from 4 costs a couple of round trips.
    assert.ok(time.now() <= 3750 * 1.15, `took ${time.now()} ms of fake time`);
  });

  it("above the provider's capacity: halves on 429, waits out Retry-After, and every task still succeeds", async () => {
    const time = fakeClock();
    const provider = fakeProvider(time);
    const limiter = createAdaptiveLimiter({ clock: time.clock, max: 64 });
    const results = Array.from({ length: 400 }, () => limiter.run(() => provider.call()));
    await time.settle();
    assert.deepEqual(new Set(await Promise.all(results)), new Set(["copy"]));
    assert.equal(provider.seen.served, 400);
    assert.ok(provider.seen.rejected > 0, "the limiter found the provider's capacity");
    assert.ok(limiter.state().limit <= 32, `limit ${limiter.state().limit}`);
    for (const overloadedAt of provider.seen.overloads) {
      const answeredAt = overloadedAt + 5;
      const early = provider.seen.starts.filter((start) => start > answeredAt && start < answeredAt + 1000);
      assert.deepEqual(
        early,
        [],
        `nothing starts within Retry-After of the 429 answered at ${answeredAt} ms`,
      );
    }
  });

  it("a burst of 429s from one round halves the limit once, not once per reply", async () => {
    const time = fakeClock();
    const limiter = createAdaptiveLimiter({ clock: time.clock, initial: 16, max: 16, overloadRetries: 0 });
    const burst = Array.from({ length: 16 }, () =>
      failureOf(
        limiter.run(async () => {
          await time.sleep(10);
          throw new HttpStatusError(503);
        }),
      ),
    );
    await time.settle();
    for (const result of burst) assert.match((await result).message, /HTTP 503/);
    assert.equal(limiter.state().limit, 8);
  });

  it("a failure that is not an overload is passed on at once; an overload after the retries are spent too", async () => {
    const time = fakeClock();
    const limiter = createAdaptiveLimiter({ clock: time.clock, overloadRetries: 2 });
    let calls = 0;
    const declined = failureOf(
      limiter.run(async () => {
        calls++;
        throw new HttpStatusError(400);
      }),
    );
    await time.settle();
    assert.match((await declined).message, /HTTP 400/);
    assert.equal(calls, 1);
    const overloaded = failureOf(
      limiter.run(async () => {
        calls++;
        throw new HttpStatusError(529, 50);
      }),
    );
    await time.settle();
    assert.match((await overloaded).message, /HTTP 529/);
    assert.equal(calls, 4);
    assert.equal(time.now(), 150, "each retry waited out Retry-After");
  });

  it("clear() rejects what has not started; running tasks finish", async () => {
    const time = fakeClock();
    const limiter = createAdaptiveLimiter({ clock: time.clock, initial: 1, max: 1 });
    const running = limiter.run(() => time.sleep(100).then(() => "done"));
    const waiting = failureOf(limiter.run(async () => "never"));
    limiter.clear(new Error("cancelled"));
    await time.settle();
    assert.equal(await running, "done");
    assert.match((await waiting).message, /cancelled/);
  });

  it("reads Retry-After as seconds or an HTTP date; other statuses are not overloads", () => {
    const now = Date.parse("2026-11-27T20:00:00Z");
    assert.deepEqual(overloadOfReply(429, new Headers({ "retry-after": "2" }), now), { retryAfterMs: 2000 });
    assert.deepEqual(
      overloadOfReply(503, new Headers({ "retry-after": "Fri, 27 Nov 2026 20:00:03 GMT" }), now),
      { retryAfterMs: 3000 },
    );
    assert.deepEqual(overloadOfReply(529, new Headers(), now), {});
    assert.equal(overloadOfReply(500, new Headers({ "retry-after": "2" }), now), undefined);
  });

  it("reportOverload adapts to a 429 that the provider's own retry loop handled", async () => {
    const time = fakeClock();
    const limiter = createAdaptiveLimiter({ clock: time.clock, initial: 8 });
    limiter.reportOverload({ retryAfterMs: 500 });
    assert.deepEqual(limiter.state(), { limit: 4, inFlight: 0, queued: 0, pausedForMs: 500 });
    let startedAt = -1;
    const task = limiter.run(async () => {
      startedAt = time.now();
    });
    await time.settle();
    await task;
    assert.equal(startedAt, 500);
  });
});
