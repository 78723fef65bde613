// Verdict rules of issue 7 for exchanges that do not end in an answer: a reachable server that hangs, resets,
// floods or redirects yields NoAnswerError (the requirement failed) within the configured bounds; an unreachable
// target or an aborted run yields InconclusiveError (errored).
import { createServer as createNetServer, type Server as NetServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../../client/http-client.js";
import { preflight } from "../../client/preflight.js";
import { containsSecret } from "../../client/redact.js";
import { configFor, json, PAIRINGS, startServer, TOKEN, type TestServer } from "./servers.js";

let server: TestServer;
let elsewhere: TestServer;

beforeAll(async () => {
  elsewhere = await startServer((_req, res) => json(res, 200, { stolen: true }));
  server = await startServer((req, res) => {
    // POST cases are picked by ?case=…, because writes may only go to the pairings API (client/guard.ts).
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.searchParams.get("case") ?? url.pathname;
    if (path === "/hang") return; // never answers
    if (path === "/hang-body") {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
      return; // headers, then nothing
    }
    if (path === "/reset") return req.socket.destroy();
    if (path === "/flood") {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = "x".repeat(64 * 1024);
      for (let i = 0; i < 32; i++) res.write(chunk); // 2 MiB, no Content-Length
      return res.end();
    }
    if (path === "/big-declared") {
      res.writeHead(200, { "content-length": String(5 * 1024 * 1024) });
      return res.end("x".repeat(5 * 1024 * 1024));
    }
    if (path === "/redirect-same") return json(res, 302, {}, { location: `${PAIRINGS}?moved=1` });
    if (path === "/redirect-cross") return json(res, 307, {}, { location: `${elsewhere.url}${PAIRINGS}?access_token=${encodeURIComponent(TOKEN)}` });
    if (path === "/redirect-post") return json(res, 303, {}, { location: "/landed" });
    if (path === "/redirect-loop") return json(res, 302, {}, { location: "/redirect-loop" });
    return json(res, 200, []);
  });
});
afterAll(async () => {
  await server.close();
  await elsewhere.close();
});

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; evidence?: { response?: { error?: string } } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("expected a rejection");
}

describe("timeouts", () => {
  for (const path of ["/hang", "/hang-body"]) {
    it(`${path}: NoAnswerError "timeout" within the per-request bound`, async () => {
      const client = createApiClient(configFor(server.url, { timeoutMs: 300 }));
      const started = Date.now();
      const error = await rejection(client.send({ method: "GET", path }));
      const elapsed = Date.now() - started;
      await client.close();
      expect(error.name).toBe("NoAnswerError");
      expect(error.code).toBe("timeout");
      expect(error.message).toBe(`GET ${path} did not answer within 300 ms`);
      expect(error.evidence?.response?.error).toBe("timeout");
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(1_500);
    });
  }
});

describe("resets", () => {
  it("an idempotent request is retried once, then NoAnswerError \"reset\"", async () => {
    const client = createApiClient(configFor(server.url));
    const before = server.received.length;
    const error = await rejection(client.send({ method: "GET", path: "/reset" }));
    await client.close();
    expect(error.name).toBe("NoAnswerError");
    expect(error.code).toBe("reset");
    expect(server.received.length - before).toBe(2);
  });

  it("a POST is not repeated: it may have created a pairing", async () => {
    const client = createApiClient(configFor(server.url));
    const before = server.received.length;
    const error = await rejection(client.send({ method: "POST", path: PAIRINGS, query: { case: "/reset" }, body: { form: {} } }));
    await client.close();
    expect(error.code).toBe("reset");
    expect(server.received.length - before).toBe(1);
  });
});

describe("size cap", () => {
  for (const path of ["/flood", "/big-declared"]) {
    it(`${path}: more than maxResponseBytes is NoAnswerError "too-large"`, async () => {
      const client = createApiClient(configFor(server.url, { maxResponseBytes: 100_000 }));
      const error = await rejection(client.send({ method: "GET", path }));
      // The connection pool stays usable after the body was cut off.
      const after = await client.send({ method: "GET", path: PAIRINGS });
      await client.close();
      expect(error.name).toBe("NoAnswerError");
      expect(error.code).toBe("too-large");
      expect(error.message).toMatch(new RegExp(`^GET ${path} answered with more than the 100000-byte response cap`));
      expect(after.status).toBe(200);
    });
  }
});

describe("redirects", () => {
  it("are not followed by default: NoAnswerError \"redirect\"", async () => {
    const client = createApiClient(configFor(server.url));
    const error = await rejection(client.send({ method: "GET", path: "/redirect-same" }));
    await client.close();
    expect(error.name).toBe("NoAnswerError");
    expect(error.code).toBe("redirect");
    expect(error.message).toMatch(/^GET \/redirect-same answered 302 redirecting to /);
  });

  it("same-origin redirects are followed when asked, with the token", async () => {
    const client = createApiClient(configFor(server.url, { followRedirects: true }));
    const response = await client.send({ method: "GET", path: "/redirect-same" });
    await client.close();
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${server.url}${PAIRINGS}?moved=1`);
    expect(server.received.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("303 after POST continues as GET without the body", async () => {
    const client = createApiClient(configFor(server.url, { followRedirects: true }));
    await client.send({ method: "POST", path: PAIRINGS, query: { case: "/redirect-post" }, body: { json: { a: 1 } } });
    await client.close();
    const last = server.received.at(-1);
    expect([last?.method, last?.url, last?.body, last?.headers["content-type"]]).toEqual(["GET", "/landed", "", undefined]);
  });

  for (const followRedirects of [false, true]) {
    it(`a cross-origin redirect never reaches the other origin (followRedirects ${followRedirects})`, async () => {
      const client = createApiClient(configFor(server.url, { followRedirects }));
      const error = await rejection(client.send({ method: "GET", path: "/redirect-cross" }));
      await client.close();
      expect(error.code).toBe("redirect");
      expect(containsSecret(error.message, { token: TOKEN })).toBe(false);
      expect(elsewhere.received).toEqual([]);
    });
  }

  it("a redirect loop ends after a bounded number of hops", async () => {
    const client = createApiClient(configFor(server.url, { followRedirects: true }));
    const before = server.received.length;
    const error = await rejection(client.send({ method: "GET", path: "/redirect-loop" }));
    await client.close();
    expect(error.code).toBe("redirect");
    expect(server.received.length - before).toBe(6);
  });
});

describe("unreachable targets and aborted runs", () => {
  let closedPort: number;
  beforeAll(async () => {
    // A port that was just listened on and closed: connection refused.
    const probe: NetServer = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });

  it("connection refused is InconclusiveError \"unreachable\", quickly", async () => {
    const client = createApiClient(configFor(`http://127.0.0.1:${closedPort}`));
    const started = Date.now();
    const error = await rejection(client.send({ method: "GET", path: PAIRINGS }));
    await client.close();
    expect(error.name).toBe("InconclusiveError");
    expect(error.code).toBe("unreachable");
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("preflight classifies refused, timeout and reachable targets", async () => {
    expect(await preflight(configFor(`http://127.0.0.1:${closedPort}`))).toMatchObject({ ok: false, code: "unreachable" });
    expect(await preflight(configFor(server.url))).toEqual({ ok: true });
    const hanging = await startServer(() => undefined);
    expect(await preflight(configFor(hanging.url, { timeoutMs: 200 }))).toMatchObject({ ok: false, code: "timeout", message: expect.stringMatching(/did not answer within 200 ms/) });
    await hanging.close();
  });

  it("aborting rejects in-flight and later requests with InconclusiveError \"aborted\"", async () => {
    const controller = new AbortController();
    const client = createApiClient(configFor(server.url, { timeoutMs: 5_000 }), { signal: controller.signal });
    const inFlight = rejection(client.send({ method: "GET", path: "/hang" }));
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await inFlight;
    expect(Date.now() - started).toBeLessThan(1_000);
    const later = await rejection(client.send({ method: "GET", path: PAIRINGS }));
    await client.close();
    expect([error.name, error.code]).toEqual(["InconclusiveError", "aborted"]);
    expect([later.name, later.code]).toEqual(["InconclusiveError", "aborted"]);
  });
});
