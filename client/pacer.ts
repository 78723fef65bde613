// Throttling-aware pacing shared by every request of a process (issue 7, "Throttling"; canvas-behavior.md §4).
// Canvas meters each token with a leaky bucket (~700 units, refilling ~10 units/s) and reports it on every answer:
// `X-Request-Cost` (what this request cost) and `X-Rate-Limit-Remaining` (what is left). When the bucket is empty
// Canvas answers `403 Forbidden (Rate Limit Exceeded)` as text; other servers in front of it answer `429` with
// `Retry-After`. A throttled answer says nothing about conformance, so it is retried here, bounded, and when no
// unthrottled answer comes the request ends as InconclusiveError("throttled") — errored, never failed.
import type { Evidence } from "../reporters/model.js";
import { InconclusiveError } from "./errors.js";
import type { RequestStats } from "./types.js";

/** What the pacer needs to see of an answer. */
export interface PacedAnswer {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

export interface PacerOptions {
  readonly concurrency: number;
  /** Attempts per request while throttled (the first one included). */
  readonly maxTries?: number;
  /** Give up once backing off for one request would exceed this. */
  readonly maxThrottleWaitMs?: number;
  /** Backoff after the n-th throttled answer: baseBackoffMs · 2^n, capped, with jitter. */
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Spacing between requests while the bucket drains grows from minPacingMs to maxPacingMs. */
  readonly minPacingMs?: number;
  readonly maxPacingMs?: number;
  /** Injectable for deterministic tests of the jitter; Math.random by default. */
  readonly random?: () => number;
}

export function isThrottled(answer: PacedAnswer): boolean {
  return answer.status === 429 || (answer.status === 403 && /rate limit exceeded/i.test(answer.text));
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export class Pacer {
  private readonly options: Required<PacerOptions>;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  /** No request starts before this time (pacing spacing and throttle pauses, shared by all requests). */
  private notBefore = 0;
  private remaining: number | undefined;
  private maxRemainingSeen = 0;
  private typicalCost = 1;
  /** Extra spacing learnt from throttled answers, for servers that send no bucket headers; decays on success. */
  private throttleSpacingMs = 0;
  private spacingRaisedAt = 0;
  private counts = { count: 0, throttled: 0, cost: 0 };

  constructor(options: PacerOptions) {
    this.options = {
      maxTries: 6,
      maxThrottleWaitMs: 30_000,
      baseBackoffMs: 200,
      maxBackoffMs: 5_000,
      minPacingMs: 100,
      maxPacingMs: 2_000,
      random: Math.random,
      ...options,
      concurrency: Math.max(1, Math.floor(options.concurrency)),
    };
  }

  stats(): RequestStats {
    return { ...this.counts };
  }

  /**
   * Runs `attempt` (one HTTP exchange) within the concurrency limit after the current pacing delay, and again after
   * a backoff while it is answered as throttled. `what` names the request in messages ("GET /api/v1/…");
   * `evidenceOf` turns the last throttled answer into the evidence of the InconclusiveError.
   */
  async run<T extends PacedAnswer>(attempt: () => Promise<T>, what: string, signal?: AbortSignal, evidenceOf?: (last: T) => Evidence): Promise<T> {
    const started = Date.now();
    for (let tries = 1; ; tries++) {
      const answer = await this.withSlot(attempt, what, signal);
      if (!isThrottled(answer)) {
        this.throttleSpacingMs = this.throttleSpacingMs < 10 ? 0 : this.throttleSpacingMs * 0.9;
        return answer;
      }
      this.counts.throttled++;
      this.raiseSpacing();
      const backoff = this.backoffMs(tries - 1, answer.headers["retry-after"]);
      const waited = Date.now() - started;
      if (tries >= this.options.maxTries || waited + backoff > this.options.maxThrottleWaitMs) {
        throw new InconclusiveError("throttled",
          `${what} was throttled ${tries} times (${answer.status}${answer.status === 403 ? " Rate Limit Exceeded" : ""}); no unthrottled answer to judge`,
          evidenceOf ? { evidence: evidenceOf(answer) } : undefined);
      }
      // Everyone waits: the bucket is shared by all requests with this token.
      this.notBefore = Math.max(this.notBefore, Date.now() + backoff);
    }
  }

  /** The spacing currently inserted between requests: from the bucket headers, or learnt from throttled answers. */
  pacingDelayMs(): number {
    return Math.round(Math.max(this.bucketDelayMs(), this.throttleSpacingMs));
  }

  private bucketDelayMs(): number {
    if (this.remaining === undefined) return 0;
    // Draining: below ten typical requests' worth, or below half of the fullest bucket seen.
    const threshold = Math.max(10 * this.typicalCost, 0.5 * this.maxRemainingSeen);
    if (this.remaining >= threshold || threshold <= 0) return 0;
    const depth = Math.min(1, Math.max(0, (threshold - this.remaining) / threshold));
    const { minPacingMs, maxPacingMs } = this.options;
    return Math.round(minPacingMs + depth * (maxPacingMs - minPacingMs));
  }

  /** Doubles the learnt spacing, once per spacing interval: a burst of throttled answers is one signal, not many. */
  private raiseSpacing(): void {
    const now = Date.now();
    if (now - this.spacingRaisedAt < this.throttleSpacingMs) return;
    this.spacingRaisedAt = now;
    this.throttleSpacingMs = Math.min(this.options.maxPacingMs, Math.max(this.options.minPacingMs, this.throttleSpacingMs * 2));
  }

  private backoffMs(throttledBefore: number, retryAfter: string | undefined): number {
    const { baseBackoffMs, maxBackoffMs, random } = this.options;
    const exponential = Math.min(maxBackoffMs, baseBackoffMs * 2 ** throttledBefore);
    const jittered = exponential / 2 + random() * (exponential / 2);
    const asked = retryAfterMs(retryAfter);
    return Math.round(asked === undefined ? jittered : Math.max(asked, jittered));
  }

  private async withSlot<T extends PacedAnswer>(attempt: () => Promise<T>, what: string, signal?: AbortSignal): Promise<T> {
    await this.acquire(what, signal);
    try {
      for (let wait = this.notBefore - Date.now(); wait > 0; wait = this.notBefore - Date.now()) await sleep(wait, what, signal);
      this.notBefore = Date.now() + this.pacingDelayMs();
      this.counts.count++;
      const answer = await attempt();
      this.observe(answer.headers);
      return answer;
    } finally {
      this.release();
    }
  }

  /** Takes in the bucket headers of an answer (X-Request-Cost, X-Rate-Limit-Remaining). */
  observe(headers: Readonly<Record<string, string>>): void {
    const cost = Number.parseFloat(headers["x-request-cost"] ?? "");
    if (Number.isFinite(cost) && cost >= 0) {
      this.counts.cost += cost;
      this.typicalCost = 0.8 * this.typicalCost + 0.2 * cost;
    }
    const remaining = Number.parseFloat(headers["x-rate-limit-remaining"] ?? "");
    if (Number.isFinite(remaining)) {
      this.remaining = remaining;
      this.maxRemainingSeen = Math.max(this.maxRemainingSeen, remaining);
    }
  }

  private acquire(what: string, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortedError(what));
    if (this.active < this.options.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(abortedError(what));
      };
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        this.active++;
        resolve();
      };
      this.waiting.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}

export function abortedError(what: string): InconclusiveError {
  return new InconclusiveError("aborted", `${what} was not answered: the run was aborted`);
}

/** setTimeout as a promise that rejects with InconclusiveError("aborted") when `signal` fires. */
export function sleep(ms: number, what: string, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortedError(what));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(what));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
