// What the client puts on the wire and what it hands back, against a real node:http server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../../client/http-client.js";
import { containsSecret } from "../../client/redact.js";
import type { RequestBody } from "../../client/types.js";
import { configFor, json, PAIRINGS, startServer, TOKEN, UNPRIVILEGED, type TestServer } from "./servers.js";

const secrets = { token: TOKEN, unprivilegedToken: UNPRIVILEGED };
let server: TestServer;
let nextId = 100;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    // Writes may only go to the pairings API (client/guard.ts), so echo cases are picked by a query parameter.
    const echo = new URL(req.url ?? "/", "http://x").searchParams.get("echo");
    if (echo === "token") return json(res, 200, { yours: req.headers.authorization, access_token: "leaked" }, { "x-echo": TOKEN, "set-cookie": "_session=abc" });
    if (echo === "body") return json(res, 200, {});
    if (req.method === "POST" && path === PAIRINGS && req.url?.endsWith("?fail=1")) return json(res, 400, { id: 5, errors: [] });
    if (req.method === "POST" && path === PAIRINGS) {
      // Half wrapped with a numeric id (canvas-behavior.md §1), half flat with a string id (published page).
      const id = nextId++;
      const body = id % 2 === 0 ? { temporary_enrollment_pairing: { id, workflow_state: "active" } } : { id: String(id), workflow_state: "active" };
      return json(res, 201, body);
    }
    if (path === "/text-json") {
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end('{"looks":"like json"}');
    }
    if (path === "/not-json") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end("<html>");
    }
    return json(res, 200, [], { "x-request-cost": "0.5" });
  });
});
afterAll(() => server.close());

describe("requests", () => {
  it("joins baseUrl (with a path prefix), path and encoded query pairs in order", async () => {
    const client = createApiClient(configFor(`${server.url}/prefix`));
    const response = await client.send({ method: "GET", path: `${PAIRINGS}?a=1`, query: [["include_deleted", "true"], ["x y", "&=é"], ["include_deleted", "2"]] });
    await client.close();
    expect(server.received.at(-1)?.url).toBe(`/prefix${PAIRINGS}?a=1&include_deleted=true&x%20y=%26%3D%C3%A9&include_deleted=2`);
    expect(response.url).toBe(`${server.url}/prefix${PAIRINGS}?a=1&include_deleted=true&x%20y=%26%3D%C3%A9&include_deleted=2`);
  });

  const authCases = [
    { auth: undefined, want: `Bearer ${TOKEN}` },
    { auth: "unprivileged", want: `Bearer ${UNPRIVILEGED}` },
    { auth: { bearer: "not-a-token" }, want: "Bearer not-a-token" },
    { auth: "none", want: undefined },
  ] as const;
  for (const { auth, want } of authCases) {
    it(`auth ${JSON.stringify(auth ?? "default")} sends Authorization ${want ?? "(none)"}`, async () => {
      const client = createApiClient(configFor(server.url));
      await client.send({ method: "GET", path: PAIRINGS, ...(auth === undefined ? {} : { auth }) });
      await client.close();
      expect(server.received.at(-1)?.headers.authorization).toBe(want);
    });
  }

  const bodyCases: Array<{ name: string; body: RequestBody; contentType: RegExp; check: (text: string, contentType: string) => Promise<void> | void }> = [
    { name: "json", body: { json: { workflow_state: "active" } }, contentType: /^application\/json$/, check: (t) => expect(JSON.parse(t)).toEqual({ workflow_state: "active" }) },
    { name: "form", body: { form: { ending_enrollment_state: "completed", "a b": "c&d=é" } }, contentType: /^application\/x-www-form-urlencoded$/,
      check: (t) => expect(Object.fromEntries(new URLSearchParams(t))).toEqual({ ending_enrollment_state: "completed", "a b": "c&d=é" }) },
    { name: "multipart", body: { multipart: { workflow_state: "active", 'we"ird': "line1\r\nline2 é", empty: "" } }, contentType: /^multipart\/form-data; boundary=\S+$/,
      check: async (t, contentType) => {
        // A real multipart parser (undici's, behind the global Request) must read back every field.
        const form = await new Request("http://x/", { method: "POST", body: t, headers: { "content-type": contentType } }).formData();
        expect([...form.entries()]).toEqual([["workflow_state", "active"], ['we"ird', "line1\r\nline2 é"], ["empty", ""]]);
      } },
    { name: "raw", body: { raw: "{not json", contentType: "application/json" }, contentType: /^application\/json$/, check: (t) => expect(t).toBe("{not json") },
  ];
  for (const { name, body, contentType, check } of bodyCases) {
    it(`a ${name} body arrives with its Content-Type and parses back`, async () => {
      const client = createApiClient(configFor(server.url));
      await client.send({ method: "POST", path: `${PAIRINGS}?echo=body`, body });
      await client.close();
      const seen = server.received.at(-1);
      expect(seen?.headers["content-type"]).toMatch(contentType);
      await check(seen?.body ?? "", seen?.headers["content-type"] ?? "");
    });
  }

  it("the caller's Content-Type wins over the body's", async () => {
    const client = createApiClient(configFor(server.url));
    await client.send({ method: "POST", path: `${PAIRINGS}?echo=body`, body: { json: {} }, headers: { "Content-Type": "text/plain" } });
    await client.close();
    expect(server.received.at(-1)?.headers["content-type"]).toBe("text/plain");
  });
});

describe("responses", () => {
  it("parses JSON whatever the Content-Type, and leaves json undefined when it does not parse", async () => {
    const client = createApiClient(configFor(server.url));
    const parsed = await client.send({ method: "GET", path: "/text-json" });
    const broken = await client.send({ method: "GET", path: "/not-json" });
    await client.close();
    expect(parsed.json).toEqual({ looks: "like json" });
    expect(broken.json).toBeUndefined();
    expect(broken.text).toBe("<html>");
  });

  it("evidence is redacted everywhere and lower-cases header names", async () => {
    const client = createApiClient(configFor(server.url));
    const response = await client.send({ method: "POST", path: PAIRINGS, query: { echo: "token", access_token: TOKEN }, body: { form: { access_token: TOKEN } } });
    await client.close();
    expect(response.text).toContain(TOKEN); // the suites see the real answer…
    const shown = JSON.stringify(response.evidence);
    expect(containsSecret(shown, secrets)).toBe(false); // …reports never do
    expect(response.evidence.request.headers["authorization"]).toBe("Bearer $CANVAS_API_TOKEN");
    expect(response.evidence.request.url).toContain("access_token=$CANVAS_API_TOKEN");
    expect(response.evidence.response?.headers["x-echo"]).toBe("$CANVAS_API_TOKEN");
    expect(response.evidence.response?.headers["set-cookie"]).toBeUndefined();
    expect(response.evidence.response?.body).not.toContain("leaked");
    expect(Object.keys(response.evidence.request.headers).every((h) => h === h.toLowerCase())).toBe(true);
  });

  it("truncates long bodies in evidence but not in the response", async () => {
    const long = "x".repeat(10_000);
    const client = createApiClient(configFor(server.url));
    const response = await client.send({ method: "POST", path: `${PAIRINGS}?echo=body`, body: { raw: long, contentType: "text/plain" } });
    await client.close();
    expect(server.received.at(-1)?.body).toBe(long);
    expect(response.evidence.request.body?.length).toBeLessThan(4200);
    expect(response.evidence.request.body).toMatch(/truncated: 10000 characters/);
  });

  it("counts requests and sums X-Request-Cost", async () => {
    const client = createApiClient(configFor(server.url));
    await client.send({ method: "GET", path: PAIRINGS });
    await client.send({ method: "GET", path: PAIRINGS });
    await client.close();
    // criticalPath is process-wide and covered by critical-path.test.ts.
    expect(client.stats()).toMatchObject({ count: 2, throttled: 0, cost: 1 });
  });
});

describe("journal hooks", () => {
  it("journals created pairings (wrapped or flat, numeric or string id) as soon as POST answers, and DELETEs", async () => {
    const client = createApiClient(configFor(server.url));
    const writes = [1, 2, 3].map(() => client.send({ method: "POST", path: PAIRINGS, body: { form: { workflow_state: "active" } } }));
    await client.settleWrites();
    const ids = client.journal.created();
    expect(ids).toHaveLength(3);
    expect(new Set(ids)).toEqual(new Set((await Promise.all(writes)).map((r) => {
      const body = r.json as { id?: string; temporary_enrollment_pairing?: { id: number } };
      return String(body.temporary_enrollment_pairing?.id ?? body.id);
    })));
    const first = ids[0] ?? "";
    await client.send({ method: "DELETE", path: `${PAIRINGS}/${first}` });
    await client.close();
    expect(client.journal.deleted()).toEqual([first]);
    expect(client.journal.active()).toEqual(ids.slice(1));
  });

  it("a POST outside the pairings API is refused, and one answered with an error journals nothing", async () => {
    const client = createApiClient(configFor(server.url));
    const before = server.received.length;
    const refused = await client.send({ method: "POST", path: "/api/v1/accounts/self/other" }).then(() => undefined, (e: unknown) => e as Error & { code: string });
    expect(refused?.code).toBe("guard");
    expect(refused?.message).toBe("POST /api/v1/accounts/self/other not sent: only the temporary enrollment pairings API is written to");
    expect(server.received.length).toBe(before);
    expect((await client.send({ method: "POST", path: PAIRINGS, query: { fail: "1" } })).status).toBe(400);
    await client.close();
    expect(client.journal.created()).toEqual([]);
  });
});
