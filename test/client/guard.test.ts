// The client cannot delete what it did not create (issue 7, "Footprint and cleanup"), and a read-only run sends
// GET only: refused requests never leave the process — the server must not see them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../../client/http-client.js";
import { WriteGuard } from "../../client/guard.js";
import { openJournal } from "../../client/journal.js";
import { configFor, json, PAIRINGS, startServer, type TestServer } from "./servers.js";

let server: TestServer;
const existing = new Set(["42"]); // a pairing somebody else created on the "instance"

beforeAll(async () => {
  let nextId = 1;
  server = await startServer((req, res) => {
    const match = /temporary_enrollment_pairings(?:\/([^/?]+))?/.exec(req.url ?? "");
    const id = match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
    if (req.method === "POST") {
      const created = String(nextId++);
      existing.add(created);
      return json(res, 201, { temporary_enrollment_pairing: { id: Number(created), workflow_state: "active" } });
    }
    if (id === undefined || !existing.has(id)) return json(res, 404, { errors: [{ message: "The specified resource does not exist." }] });
    return json(res, 200, { temporary_enrollment_pairing: { id: Number(id), workflow_state: req.method === "DELETE" ? "deleted" : "active" } });
  });
});
afterAll(() => server.close());

function deletesSeen(): string[] {
  return server.received.filter((r) => r.method === "DELETE").map((r) => r.url);
}

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  return promise.then(() => { throw new Error("expected a rejection"); }, (e: unknown) => e as Error & { code?: string });
}

describe("DELETE guard", () => {
  it("refuses to delete a pairing it did not create, without sending anything", async () => {
    const client = createApiClient(configFor(server.url));
    const before = server.received.length;
    const error = await rejection(client.send({ method: "DELETE", path: `${PAIRINGS}/42` }));
    await client.close();
    expect([error.name, error.code]).toEqual(["InconclusiveError", "guard"]);
    expect(error.message).toMatch(/^DELETE \/api\/v1\/accounts\/self\/temporary_enrollment_pairings\/42 not sent: pairing 42 was not created by this tool/);
    expect(server.received.length).toBe(before);
    expect(deletesSeen()).toEqual([]);
  });

  it("refuses a DELETE of anything that is not a pairing", async () => {
    const client = createApiClient(configFor(server.url));
    for (const path of [PAIRINGS, "/api/v1/courses/1", `${PAIRINGS}/42/extra`]) {
      expect((await rejection(client.send({ method: "DELETE", path }))).code).toBe("guard");
    }
    await client.close();
    expect(deletesSeen()).toEqual([]);
  });

  it("an existing pairing shown 200 stays undeletable", async () => {
    const client = createApiClient(configFor(server.url));
    expect((await client.send({ method: "GET", path: `${PAIRINGS}/42` })).status).toBe(200);
    expect((await rejection(client.send({ method: "DELETE", path: `${PAIRINGS}/42` }))).code).toBe("guard");
    await client.close();
    expect(deletesSeen()).toEqual([]);
  });

  it("allows deleting what the journal says this tool created, also from a second client on the same journal", async () => {
    const config = configFor(server.url);
    const creator = createApiClient(config);
    const created = await creator.send({ method: "POST", path: PAIRINGS, body: { form: {} } });
    await creator.close();
    const id = String((created.json as { temporary_enrollment_pairing: { id: number } }).temporary_enrollment_pairing.id);
    const cleaner = createApiClient(config);
    const deleted = await cleaner.send({ method: "DELETE", path: `${PAIRINGS}/${id}` });
    await cleaner.close();
    expect(deleted.status).toBe(200);
    expect(deletesSeen()).toEqual([`${PAIRINGS}/${id}`]);
    expect(cleaner.journal.active()).toEqual([]);
  });

  for (const probe of ["999999", "abc"]) {
    it(`allows deleting id ${probe} right after show answered 404 for it`, async () => {
      const client = createApiClient(configFor(server.url));
      expect((await client.send({ method: "GET", path: `${PAIRINGS}/${probe}` })).status).toBe(404);
      const response = await client.send({ method: "DELETE", path: `${PAIRINGS}/${probe}` });
      await client.close();
      expect(response.status).toBe(404);
      expect(deletesSeen()).toContain(`${PAIRINGS}/${probe}`);
    });
  }

  it("a probe expires after 60 s", () => {
    let now = 0;
    const guard = new WriteGuard(openJournal("/nonexistent/footprint.jsonl"), "http://h", false, () => now);
    const url = new URL(`http://h${PAIRINGS}/5`);
    guard.noteAbsent("5");
    now = 60_000;
    expect(guard.refusal("DELETE", url, "DELETE x")).toBeUndefined();
    now = 60_001;
    expect(guard.refusal("DELETE", url, "DELETE x")).toMatch(/not sent/);
  });

  it("a same-origin redirect cannot steer a permitted DELETE to another pairing", async () => {
    const redirecting = await startServer((req, res) => {
      if (req.method === "POST") return json(res, 201, { temporary_enrollment_pairing: { id: 7, workflow_state: "active" } });
      return json(res, 307, {}, { location: `${PAIRINGS}/42` });
    });
    const client = createApiClient(configFor(redirecting.url, { followRedirects: true }));
    await client.send({ method: "POST", path: PAIRINGS, body: { form: {} } });
    const error = await rejection(client.send({ method: "DELETE", path: `${PAIRINGS}/7` }));
    await client.close();
    await redirecting.close();
    expect(error.code).toBe("guard");
    expect(redirecting.received.filter((r) => r.method === "DELETE").map((r) => r.url)).toEqual([`${PAIRINGS}/7`]);
  });
});

describe("read-only runs", () => {
  it("send GET only: every other method is refused before it leaves the process", async () => {
    const client = createApiClient(configFor(server.url, { readOnly: true }));
    const before = server.received.length;
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
      const error = await rejection(client.send({ method, path: PAIRINGS, body: { form: {} } }));
      expect([method, error.code, error.message]).toEqual([method, "guard", `${method} ${PAIRINGS} not sent: the run is read-only (GET only)`]);
    }
    expect((await client.send({ method: "GET", path: PAIRINGS })).status).toBe(404);
    await client.close();
    expect(server.received.slice(before).map((r) => r.method)).toEqual(["GET"]);
  });
});
