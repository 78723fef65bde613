// suites/paginate.ts against a real node:http server: a clean walk, and every way a paginated list can go wrong
// ends the walk with a problem (TEP-LIST-010) instead of a hang.
import { createServer, type Server } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApiClient, type JournaledApiClient } from "../../client/http-client.js";
import { MAX_PAGES, parseLinkHeader, walkList } from "../../suites/paginate.js";

let server: Server;
let base = "";
let client: JournaledApiClient;

function links(entries: Array<[string, string]>): string {
  return entries.map(([rel, url]) => `<${base}${url}>; rel="${rel}"`).join(",");
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", base);
    const page = Number(url.searchParams.get("page") ?? "1");
    const json = (body: unknown, link?: string) => {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", ...(link ? { link } : {}) });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/ok") return json([{ id: page }], links([["current", `/ok?page=${page}`], ["first", "/ok?page=1"], ...(page < 3 ? ([["next", `/ok?page=${page + 1}`]] as Array<[string, string]>) : [])]));
    if (url.pathname === "/loop") return json([{ id: page }], links([["next", `/loop?page=${page === 2 ? 1 : 2}`]]));
    if (url.pathname === "/endless") return json([], links([["next", `/endless?page=${page + 1}`]]));
    if (url.pathname === "/no-next") return json([{ id: 1 }], links([["current", "/no-next?page=1"], ["first", "/no-next?page=1"], ["last", "/no-next?page=4"]]));
    if (url.pathname === "/foreign") return json([{ id: 1 }], '<http://192.0.2.1/foreign?page=2>; rel="next"');
    if (url.pathname === "/null") return json(null);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  client = createApiClient({
    baseUrl: base, token: "t", accountId: "self", profile: "canvas", readOnly: true, strict: false, timeoutMs: 5_000, concurrency: 4,
    reportDir: mkdtempSync(join(tmpdir(), "tep-paginate-")), maxResponseBytes: 1 << 20, insecure: false, followRedirects: false,
  });
});

afterAll(async () => {
  await client.close();
  await new Promise((resolve) => server.close(resolve));
});

const walk = (path: string) => walkList((r) => client.send(r), { method: "GET", path }, base);

describe("walkList", () => {
  test("follows rel=next to the last page", async () => {
    const result = await walk("/ok");
    expect(result.problem).toBeUndefined();
    expect(result.pages).toHaveLength(3);
    expect(result.items).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  test("a next link back to a page already fetched is a loop", async () => {
    const result = await walk("/loop");
    expect(result.problem?.code).toBe("pagination-loop");
    expect(result.pages.length).toBeLessThanOrEqual(3);
  });

  test(`more than ${MAX_PAGES} pages stop the walk`, async () => {
    const result = await walk("/endless");
    expect(result.problem?.code).toBe("pagination-limit");
    expect(result.pages).toHaveLength(MAX_PAGES);
  });

  test('rel="last" on another page without rel="next" is a truncated list', async () => {
    expect((await walk("/no-next")).problem?.code).toBe("pagination-no-next");
  });

  test("a next link to another origin is not followed", async () => {
    const result = await walk("/foreign");
    expect(result.problem?.code).toBe("pagination-origin");
    expect(result.pages).toHaveLength(1);
  });

  test("a null list is not an array, with the older-release hint", async () => {
    const result = await walk("/null");
    expect(result.problem).toMatchObject({ code: "not-array", actual: "200 with null" });
    expect(result.problem?.hint).toMatch(/older Canvas release/);
  });
});

describe("parseLinkHeader", () => {
  test("reads several relations, quoted and space-separated", () => {
    expect(parseLinkHeader('<https://x/a?page=2>; rel="next", <https://x/a?page=1>; rel="current first"')).toEqual([
      { url: "https://x/a?page=2", rels: ["next"] },
      { url: "https://x/a?page=1", rels: ["current", "first"] },
    ]);
    expect(parseLinkHeader(undefined)).toEqual([]);
  });
});
