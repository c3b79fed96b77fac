import { retryAfterMs } from "../llm/providers/http.ts";

/** Time, passed in so that tests drive it without waiting. */
export interface LimiterClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: LimiterClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The provider said "too much": 429, 503 or 529, with its Retry-After in milliseconds when it gave one. */
export interface Overload {
  retryAfterMs?: number;
}

export interface AdaptiveLimiterOptions {
  clock: LimiterClock;
  /** Requests in flight at the start; default 4. */
  initial?: number;
  /** Never more in flight than this; default 16. Equal to `initial` for a fixed limit (client sampling). */
  max?: number;
  /** Whether a task's failure is an overload; default: an error whose `status` is 429, 503 or 529, with its
   * `retryAfterMs` if it has one. */
  overloadOf?: (error: unknown) => Overload | undefined;
  /** How often one task is started again after overloads before its error is passed on; default 5. */
  overloadRetries?: number;
}

export interface LimiterState {
  limit: number;
  inFlight: number;
  queued: number;
  /** Milliseconds until new starts resume, 0 when not paused. */
  pausedForMs: number;
}

export interface AdaptiveLimiter {
  /** Runs the task when there is room; an overloaded task is queued again at the front. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** An overload the task retried itself (the provider's own retry loop): adapt to it all the same. */
  reportOverload(overload?: Overload): void;
  /** Rejects every task not yet started (a cancelled job); running tasks finish. */
  clear(reason: unknown): void;
  state(): LimiterState;
}

const OVERLOAD_STATUSES = new Set([429, 503, 529]);

export function defaultOverloadOf(error: unknown): Overload | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { status, retryAfterMs } = error as { status?: unknown; retryAfterMs?: unknown };
  if (typeof status !== "number" || !OVERLOAD_STATUSES.has(status)) return undefined;
  return typeof retryAfterMs === "number" ? { retryAfterMs } : {};
}

/** An HTTP reply as an overload, its Retry-After read as seconds or an HTTP date. */
export function overloadOfReply(status: number, headers: Headers, now: number): Overload | undefined {
  if (!OVERLOAD_STATUSES.has(status)) return undefined;
  const wait = retryAfterMs(headers, now);
  return wait === undefined ? {} : { retryAfterMs: wait };
}

interface Waiting {
  task: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
  overloads: number;
}

/**
 * Additive increase, multiplicative decrease, as TCP does it. Until the first overload the limit grows by one
 * per success (it doubles each round trip); after it, by one per limit's worth of successes. An overload halves
 * the limit, once per round of requests (the replies to requests sent before the cut do not cut again), and a
 * Retry-After pauses every new start until it has passed.
 */
export function createAdaptiveLimiter(options: AdaptiveLimiterOptions): AdaptiveLimiter {
  const { clock } = options;
  const max = Math.max(1, Math.floor(options.max ?? 16));
  const overloadOf = options.overloadOf ?? defaultOverloadOf;
  const overloadRetries = options.overloadRetries ?? 5;
  let limit = Math.min(max, Math.max(1, Math.floor(options.initial ?? 4)));
  let slowStart = limit < max;
  let successes = 0;
  let inFlight = 0;
  let epoch = 0;
  let pausedUntil = 0;
  let timer: unknown;
  const queue: Waiting[] = [];

  const overloaded = (overload: Overload, startedIn: number) => {
    if (startedIn === epoch) {
      epoch++;
      limit = Math.max(1, Math.floor(limit / 2));
      slowStart = false;
      successes = 0;
    }
    const wait = overload.retryAfterMs;
    if (wait !== undefined && wait > 0) pausedUntil = Math.max(pausedUntil, clock.now() + wait);
  };

  const pump = () => {
    const now = clock.now();
    if (now < pausedUntil) {
      if (timer === undefined) {
        timer = clock.setTimeout(() => {
          timer = undefined;
          pump();
        }, pausedUntil - now);
      }
      return;
    }
    while (inFlight < limit && queue.length > 0) start(queue.shift() as Waiting);
  };

  const start = (waiting: Waiting) => {
    inFlight++;
    const startedIn = epoch;
    let promise: Promise<unknown>;
    try {
      promise = waiting.task();
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      (value) => {
        inFlight--;
        successes++;
        if (slowStart || successes >= limit) {
          limit = Math.min(max, limit + 1);
          successes = 0;
        }
        waiting.resolve(value);
        pump();
      },
      (error: unknown) => {
        inFlight--;
        const overload = overloadOf(error);
        if (overload !== undefined) {
          overloaded(overload, startedIn);
          if (waiting.overloads < overloadRetries) {
            waiting.overloads++;
            queue.unshift(waiting);
          } else waiting.reject(error);
        } else waiting.reject(error);
        pump();
      },
    );
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ task, resolve: resolve as (value: unknown) => void, reject, overloads: 0 });
        pump();
      });
    },
    reportOverload(overload = {}) {
      overloaded(overload, epoch);
    },
    clear(reason) {
      for (const waiting of queue.splice(0)) waiting.reject(reason);
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
    state: () => ({
      limit,
      inFlight,
      queued: queue.length,
      pausedForMs: Math.max(0, pausedUntil - clock.now()),
    }),
  };
}
