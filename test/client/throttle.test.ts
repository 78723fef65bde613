// Throttling (issue 7; canvas-behavior.md §4): throttled answers are retried with backoff, counted, and never
// become a verdict; pacing slows down as X-Rate-Limit-Remaining drains; concurrency stays within its limit.
import { afterEach, describe, expect, it } from "vitest";
import { createApiClient } from "../../client/http-client.js";
import { Pacer, retryAfterMs } from "../../client/pacer.js";
import { configFor, json, PAIRINGS, startServer, type TestServer } from "./servers.js";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

describe("throttled answers", () => {
  const throttles = [
    { name: "403 Rate Limit Exceeded", send: (res: Parameters<Parameters<typeof startServer>[0]>[1]) => { res.writeHead(403, { "content-type": "text/plain" }); res.end("403 Forbidden (Rate Limit Exceeded)"); } },
    { name: "429 with Retry-After", send: (res: Parameters<Parameters<typeof startServer>[0]>[1]) => { res.writeHead(429, { "retry-after": "0" }); res.end(); } },
  ];
  for (const { name, send } of throttles) {
    it(`${name} is retried and counted; the caller sees the unthrottled answer`, async () => {
      const server = await serve((_req, res, _body, received) => (received.length <= 2 ? send(res) : json(res, 200, [])));
      const client = createApiClient(configFor(server.url));
      const response = await client.send({ method: "POST", path: PAIRINGS, body: { form: {} } });
      await client.close();
      expect(response.status).toBe(200);
      expect(server.received).toHaveLength(3);
      expect(client.stats()).toMatchObject({ count: 3, throttled: 2 });
    });
  }

  it("a 403 without Rate Limit Exceeded is an answer, not throttling", async () => {
    const server = await serve((_req, res) => json(res, 403, { status: "unauthorized", errors: [{ message: "user not authorized to perform that action" }] }));
    const client = createApiClient(configFor(server.url));
    const response = await client.send({ method: "GET", path: PAIRINGS });
    await client.close();
    expect(response.status).toBe(403);
    expect(server.received).toHaveLength(1);
    expect(client.stats().throttled).toBe(0);
  });

  it("persistent throttling ends as InconclusiveError \"throttled\" after bounded tries", async () => {
    const server = await serve((_req, res) => { res.writeHead(429, { "retry-after": "0" }); res.end(); });
    const client = createApiClient(configFor(server.url));
    const started = Date.now();
    const error = await client.send({ method: "GET", path: PAIRINGS }).then(() => undefined, (e: unknown) => e as Error & { code: string });
    await client.close();
    expect(error?.name).toBe("InconclusiveError");
    expect(error?.code).toBe("throttled");
    expect(error?.message).toMatch(/^GET \/api\/v1\/accounts\/self\/temporary_enrollment_pairings was throttled 6 times/);
    expect(server.received).toHaveLength(6);
    expect(client.stats()).toMatchObject({ count: 6, throttled: 6 });
    // Backoff 200·2^n with jitter in [50%, 100%]: at least 100+200+400+800+1600 ms over the five waits.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_100);
  });

  it("a Retry-After beyond the throttle budget gives up at once instead of waiting", async () => {
    const server = await serve((_req, res) => { res.writeHead(429, { "retry-after": "3600" }); res.end(); });
    const client = createApiClient(configFor(server.url));
    const started = Date.now();
    const error = await client.send({ method: "GET", path: PAIRINGS }).then(() => undefined, (e: unknown) => e as Error & { code: string });
    await client.close();
    expect(error?.code).toBe("throttled");
    expect(server.received).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("a server that throttles above ~7 requests/s without bucket headers still answers every request", async () => {
    let lastAccepted = 0;
    const server = await serve((_req, res) => {
      const now = Date.now();
      if (now - lastAccepted < 150) {
        res.writeHead(403, { "content-type": "text/plain" });
        return res.end("403 Forbidden (Rate Limit Exceeded)");
      }
      lastAccepted = now;
      json(res, 200, []);
    });
    const client = createApiClient(configFor(server.url, { concurrency: 4 }));
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 10 }, () => client.send({ method: "GET", path: PAIRINGS })));
    await client.close();
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(client.stats().throttled).toBeGreaterThan(0);
    // The pacer learns the spacing from the throttled answers instead of backing off request by request.
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it("Retry-After is read as seconds or as an HTTP date", () => {
    expect(retryAfterMs("2")).toBe(2_000);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(10_000);
    expect(retryAfterMs("soon")).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});

describe("pacing", () => {
  it("spacing grows as X-Rate-Limit-Remaining drains, and is zero while the bucket is full", () => {
    const pacer = new Pacer({ concurrency: 1 });
    const delays: number[] = [];
    for (const remaining of [700, 600, 340, 200, 50, 0]) {
      pacer.observe({ "x-rate-limit-remaining": String(remaining), "x-request-cost": "1" });
      delays.push(pacer.pacingDelayMs());
    }
    expect(delays.slice(0, 2)).toEqual([0, 0]);
    for (let i = 2; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1] ?? 0);
    expect(delays.at(-1)).toBe(2_000);
  });

  it("requests to a draining server are spaced out; a full bucket sends them back to back", async () => {
    const timeFor = async (remaining: number) => {
      const server = await serve((_req, res) => json(res, 200, [], { "x-rate-limit-remaining": String(remaining), "x-request-cost": "1" }));
      const client = createApiClient(configFor(server.url, { concurrency: 4 }));
      await client.send({ method: "GET", path: PAIRINGS }); // learns the bucket's level (max seen = this level)
      const started = Date.now();
      await Promise.all([1, 2, 3, 4].map(() => client.send({ method: "GET", path: PAIRINGS })));
      await client.close();
      return Date.now() - started;
    };
    // 5 remaining is half of ten typical requests' worth: ~1 s between requests, 3 gaps between the 4 requests.
    expect(await timeFor(5)).toBeGreaterThanOrEqual(3_000);
    expect(await timeFor(700)).toBeLessThan(1_000);
  });
});

describe("concurrency", () => {
  for (const concurrency of [1, 3]) {
    it(`at most ${concurrency} request(s) in flight at once`, async () => {
      const server = await serve((_req, res) => setTimeout(() => json(res, 200, []), 50));
      const client = createApiClient(configFor(server.url, { concurrency }));
      await Promise.all(Array.from({ length: 12 }, () => client.send({ method: "GET", path: PAIRINGS })));
      await client.close();
      expect(server.maxInFlight()).toBe(concurrency);
    });
  }
});
