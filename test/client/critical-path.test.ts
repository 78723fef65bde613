// The critical path (client/critical-path.ts, issue 8) measured through the real client against a real loopback
// server: sequential requests add up, concurrent ones do not, and a reused fixture's chain is continued.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { criticalPath, forkChain, inheritDepth, resetCriticalPath, runWithDepth } from "../../client/critical-path.js";
import { createApiClient, type JournaledApiClient } from "../../client/http-client.js";
import type { ApiRequest } from "../../client/types.js";
import { configFor, startServer, type TestServer } from "./servers.js";

const GET: ApiRequest = { method: "GET", path: "/api/v1/accounts/self/temporary_enrollment_pairings" };

let server: TestServer;
let client: JournaledApiClient;

beforeAll(async () => {
  // A few milliseconds per answer, so requests issued together really are in flight together.
  server = await startServer(async (_req, res) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    res.writeHead(200, { "content-type": "application/json" }).end("[]");
  });
  // Concurrency 2: five requests issued together still count as one step (waiting for a slot is not structure).
  client = createApiClient(configFor(server.url, { concurrency: 2 }));
});

afterAll(async () => {
  await client.close();
  await server.close();
});

beforeEach(() => resetCriticalPath());

describe("critical path", () => {
  it("counts a sequential chain of three requests as 3", async () => {
    await runWithDepth(async () => {
      for (let i = 0; i < 3; i++) await client.send(GET);
    });
    expect(criticalPath()).toBe(3);
    expect(client.stats().criticalPath).toBe(3);
  });

  it("counts five requests issued together as 1", async () => {
    await runWithDepth(() => Promise.all(Array.from({ length: 5 }, () => client.send(GET))));
    expect(criticalPath()).toBe(1);
    expect(server.maxInFlight()).toBeGreaterThanOrEqual(2);
  });

  it("keeps concurrent test bodies in separate chains", async () => {
    const twoInARow = () => runWithDepth(async () => {
      await client.send(GET);
      await client.send(GET);
    });
    await Promise.all([twoInARow(), twoInARow(), twoInARow()]);
    expect(criticalPath()).toBe(2);
  });

  it("counts a failed request as a step", async () => {
    const refused = createApiClient(configFor("http://127.0.0.1:1", { timeoutMs: 500 }));
    try {
      await runWithDepth(async () => {
        await client.send(GET);
        await expect(refused.send(GET)).rejects.toThrow();
      });
    } finally {
      await refused.close();
    }
    expect(criticalPath()).toBe(2);
  });

  it("continues a test's chain from a reused fixture's completion depth", async () => {
    let fixture: Promise<string> | undefined;
    // A memoized fixture: two requests in a row, made once in the chain of whichever test asks first.
    const sharedFixture = () => {
      fixture ??= forkChain(async () => {
        await client.send(GET);
        await client.send(GET);
        return "fixture";
      });
      return inheritDepth(fixture);
    };
    // The first test makes one request, then asks for the fixture (depth 1 + 2 = 3).
    await runWithDepth(async () => {
      await client.send(GET);
      expect(await sharedFixture()).toBe("fixture");
    });
    expect(criticalPath()).toBe(3);
    // A later test reuses it and sends one request after it: it had to wait for the fixture's chain (3 + 1).
    await runWithDepth(async () => {
      expect(await sharedFixture()).toBe("fixture");
      await client.send(GET);
    });
    expect(criticalPath()).toBe(4);
  });

  it("does not continue the chain when the fixture's promise is awaited without inheritDepth", async () => {
    const fixture = forkChain(async () => {
      await client.send(GET);
      await client.send(GET);
    });
    await fixture;
    resetCriticalPath();
    await runWithDepth(async () => {
      await fixture;
      await client.send(GET);
    });
    expect(criticalPath()).toBe(1);
  });

  it("passes a fixture's rejection through and still continues from its depth", async () => {
    const failing = forkChain(async () => {
      await client.send(GET);
      throw new Error("fixture failed");
    });
    await runWithDepth(async () => {
      await expect(inheritDepth(failing)).rejects.toThrow("fixture failed");
      await client.send(GET);
    });
    expect(criticalPath()).toBe(2);
  });
});
