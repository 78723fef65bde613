// Secrets never appear in what people see (issue 7, "Secrets"), and the curl line reproduces the request when the
// user's shell expands $CANVAS_API_TOKEN — checked by running it with bash and curl against a real server.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { curlFor, shellWord } from "../../client/curl.js";
import { buildBody, buildUrl } from "../../client/request-builder.js";
import { containsSecret, redact, redactHeaders } from "../../client/redact.js";
import { startServer, TOKEN, UNPRIVILEGED, type TestServer } from "./servers.js";

const secrets = { token: TOKEN, unprivilegedToken: UNPRIVILEGED };
const run = promisify(execFile);

describe("redact", () => {
  const cases: Array<{ name: string; given: string; want: string }> = [
    { name: "raw header value", given: `Bearer ${TOKEN}`, want: "Bearer $CANVAS_API_TOKEN" },
    { name: "percent-encoded in a query", given: `?x=1&token=${encodeURIComponent(TOKEN)}`, want: "?x=1&token=$CANVAS_API_TOKEN" },
    { name: "form-encoded (~ as %7E, space as +)", given: new URLSearchParams({ t: TOKEN }).toString(), want: "t=$CANVAS_API_TOKEN" },
    { name: "lower-case percent escapes", given: encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), want: "$CANVAS_API_TOKEN" },
    { name: "JSON string", given: JSON.stringify({ note: TOKEN }), want: '{"note":"$CANVAS_API_TOKEN"}' },
    { name: "unprivileged token", given: `Bearer ${UNPRIVILEGED}`, want: "Bearer $CANVAS_UNPRIVILEGED_TOKEN" },
    { name: "unknown access_token parameter", given: "https://h/api?access_token=abc123&x=1", want: "https://h/api?access_token=$CANVAS_API_TOKEN&x=1" },
    { name: "a placeholder followed by text stays whole", given: "GET /x?access_token=$CANVAS_API_TOKEN: reset", want: "GET /x?access_token=$CANVAS_API_TOKEN: reset" },
    { name: "access_token in JSON", given: '{"access_token":"zzz"}', want: '{"access_token":"$CANVAS_API_TOKEN"}' },
    { name: "known access_token keeps its own placeholder", given: `access_token=${encodeURIComponent(UNPRIVILEGED)}`, want: "access_token=$CANVAS_UNPRIVILEGED_TOKEN" },
  ];
  for (const { name, given, want } of cases) {
    it(`replaces the secret: ${name}`, () => {
      expect(redact(given, secrets)).toBe(want);
      expect(containsSecret(redact(given, secrets), secrets)).toBe(false);
    });
  }

  it("lower-cases header names and redacts values", () => {
    expect(redactHeaders({ Authorization: `Bearer ${TOKEN}`, Accept: "application/json" }, secrets))
      .toEqual({ authorization: "Bearer $CANVAS_API_TOKEN", accept: "application/json" });
  });

  it("leaves text without secrets alone", () => {
    expect(redact("nothing to see", secrets)).toBe("nothing to see");
    expect(redact("abc", {})).toBe("abc");
  });
});

describe("shellWord", () => {
  const cases: Array<{ given: string; want: string }> = [
    { given: "https://h/api/v1", want: "https://h/api/v1" },
    { given: "Authorization: Bearer $CANVAS_API_TOKEN", want: '"Authorization: Bearer $CANVAS_API_TOKEN"' },
    { given: "it's", want: `'it'\\''s'` },
    { given: "a\r\nb", want: "$'a\\r\\nb'" },
    { given: '{"t":"$CANVAS_API_TOKEN"}', want: `'{"t":"'"$CANVAS_API_TOKEN"'"}'` },
  ];
  for (const { given, want } of cases) {
    it(`quotes ${JSON.stringify(given)}`, () => expect(shellWord(given)).toBe(want));
  }
});

describe("curlFor against a real server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => res.end("ok"));
  });
  afterAll(() => server.close());

  const bodies = [
    { name: "form", body: { form: { ending_enrollment_state: "it's \"odd\" & $HOME `x` !x" } } },
    { name: "multipart (CRLF)", body: { multipart: { workflow_state: "active", note: "line1\nline2" } } },
    { name: "json", body: { json: { access_token: TOKEN, x: "a'b" } } },
  ] as const;
  for (const { name, body } of bodies) {
    it(`the curl line for a ${name} POST is one line, holds no secret, and reproduces the request`, async () => {
      const url = buildUrl(server.url, "/api/v1/accounts/self/temporary_enrollment_pairings", [["include[]", "x y"]]);
      const built = buildBody(body);
      const request = {
        method: "POST",
        url: redact(url.toString(), secrets),
        headers: redactHeaders({ authorization: `Bearer ${TOKEN}`, "content-type": built.contentType }, secrets),
        body: redact(built.text, secrets),
      };
      const line = curlFor(request);
      expect(line).not.toContain("\n");
      expect(line).toContain('-H "Authorization: Bearer $CANVAS_API_TOKEN"');
      expect(containsSecret(line, secrets)).toBe(false);
      const before = server.received.length;
      await run("bash", ["-c", line], { env: { ...process.env, CANVAS_API_TOKEN: TOKEN, HOME: "/nonexistent-home" }, timeout: 10_000 });
      const seen = server.received[before];
      expect(seen?.method).toBe("POST");
      expect(seen?.url).toBe(`${url.pathname}${url.search}`);
      expect(seen?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(seen?.headers["content-type"]).toBe(built.contentType);
      // Byte for byte as built: quotes, $, backticks and CRLF survive the shell; the token came from the environment.
      expect(seen?.body).toBe(built.text);
    });
  }
});
