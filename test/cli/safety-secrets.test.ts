// Issue 7 end to end: the token never leaves the process in clear (console, every report format, the journal,
// $GITHUB_STEP_SUMMARY), redirects never carry Authorization to another origin, and --read-only sends GET only.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { findDefect } from "../../fixtures/index.js";
import { loadCatalog } from "../../spec/index.js";
import { startRecordingProxy } from "./proxy.js";
import { explain, freshReportDir, runCli, type CliResult } from "./run-cli.js";
import { filesUnder, startRecordingOrigin, startRedirectingFront, targetArgs, withReferenceServer } from "./safety-servers.js";

// Recognisable secrets. A Canvas-shaped token ("1~…") is also masked by the reporters' last line of defence
// (reporters/text.ts maskTokenShapes), so the second case uses a token of another shape, which only redact() can
// catch; its "+", "/", "=" and "~" are percent-encoded in query strings and form bodies (client/redact.ts).
const CANVAS_SHAPED = { token: "1~SECRETsecretSECRET0123456789abcdefXYZ", unprivileged: "2~UNPRIVunprivUNPRIV9876543210fedcbaQRS" };
const OTHER_SHAPED = { token: "tep+SECRETsecretSECRET/0123=abc~XYZ", unprivileged: "tep+UNPRIVunprivUNPRIV/9876=fed~QRS" };

/** Every spelling a secret could be written in, and its distinctive core (which survives any escaping). */
function spellings(secret: string): string[] {
  const core = /[A-Z]{6}[a-z]{6}[A-Z]{6}/.exec(secret)![0];
  return [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1), core];
}

interface SecretCase {
  readonly name: string;
  /** A failing server whose failures' evidence carries the secret being checked. */
  readonly defect: string;
  readonly secrets: { readonly token: string; readonly unprivileged: string };
  /** Pass the admin token by flag or by CANVAS_API_TOKEN. */
  readonly tokenBy: "flag" | "env";
  /** What the failures' curl lines say where the secret was. */
  readonly placeholder: "$CANVAS_API_TOKEN" | "$CANVAS_UNPRIVILEGED_TOKEN";
}

const secretCases: readonly SecretCase[] = [
  { name: "Canvas-shaped token by --token, delete-returns-204", defect: "delete-returns-204", secrets: CANVAS_SHAPED, tokenBy: "flag", placeholder: "$CANVAS_API_TOKEN" },
  { name: "other-shaped token by CANVAS_API_TOKEN, delete-returns-204", defect: "delete-returns-204", secrets: OTHER_SHAPED, tokenBy: "env", placeholder: "$CANVAS_API_TOKEN" },
  { name: "other-shaped unprivileged token, unprivileged-allowed", defect: "unprivileged-allowed", secrets: OTHER_SHAPED, tokenBy: "flag", placeholder: "$CANVAS_UNPRIVILEGED_TOKEN" },
];

describe.concurrent("secrets (issue 7, Secrets)", { timeout: 90_000 }, () => {
  test.each(secretCases)("$name: no byte the CLI wrote carries the token", async ({ defect, secrets, tokenBy, placeholder }) => {
    const { server: options } = findDefect(defect)!;
    await withReferenceServer({ ...options, token: secrets.token, unprivilegedToken: secrets.unprivileged }, async (server) => {
      const reportDir = freshReportDir();
      const stepSummary = join(freshReportDir("tep-step-summary-"), "summary.md");
      await writeFile(stepSummary, "");
      const args = targetArgs(server).filter((a, i, all) => tokenBy === "flag" || (a !== "--token" && all[i - 1] !== "--token"));
      const result = await runCli(args, { reportDir, env: { GITHUB_STEP_SUMMARY: stepSummary, ...(tokenBy === "env" ? { CANVAS_API_TOKEN: secrets.token } : {}) } });
      expect(result.code, explain(result)).toBe(1);

      const written = [
        { path: "stdout", text: result.stdout },
        { path: "stderr", text: result.stderr },
        { path: "$GITHUB_STEP_SUMMARY", text: await readFile(stepSummary, "latin1") },
        ...(await filesUnder(reportDir)),
      ];
      const names = written.map((w) => w.path.replace(reportDir, "<dir>"));
      expect(names).toEqual(expect.arrayContaining(["<dir>/report.json", "<dir>/junit.xml", "<dir>/report.md", "<dir>/report.html", "<dir>/footprint.jsonl"]));
      for (const { path, text } of written) {
        // Each must hold something to grep (stderr is empty on a run that completes).
        if (path !== "stderr") expect(text.length, `${path} is empty`).toBeGreaterThan(0);
        for (const spelling of [...spellings(secrets.token), ...spellings(secrets.unprivileged)]) expect(text.includes(spelling), `${path} contains ${spelling}`).toBe(false);
      }
      expectPlaceholderInCurlLines(result, placeholder);
    });
  });
});

/** The failures' reproduce lines say $CANVAS_API_TOKEN where the token was (issue 7, Secrets). */
function expectPlaceholderInCurlLines(result: CliResult, placeholder: string): void {
  const curls = result.report!.requirements.flatMap((r) => r.tests).map((t) => t.curl).filter((c): c is string => Boolean(c));
  expect(curls.length).toBeGreaterThan(0);
  expect(curls.some((c) => c.includes(placeholder))).toBe(true);
  const shown = result.stdout.split("\n").filter((line) => /^\s*reproduce\s+curl /.test(line));
  expect(shown.length, result.stdout.slice(-3000)).toBeGreaterThan(0);
  expect(shown.some((line) => line.includes(placeholder))).toBe(true);
}

describe.concurrent("redirects (issue 7, Secrets)", { timeout: 90_000 }, () => {
  test.each([[[] as string[]], [["--follow-redirects"]]])("a server redirecting to another origin (%j): no Authorization goes there, not conformant", async (extra) => {
    await withReferenceServer({}, async (server) => {
      const other = await startRecordingOrigin(server.url);
      const front = await startRedirectingFront(other.url);
      try {
        const result = await runCli(["--base-url", front.url, "--token", server.token, "--unprivileged-token", server.unprivilegedToken, ...extra]);
        expect(other.received.filter((headers) => headers.authorization !== undefined)).toEqual([]);
        expect(result.report, explain(result)).toBeDefined();
        expect(result.report!.conformant).toBe(false);
        expect(result.code, explain(result)).not.toBe(0);
        expect(result.stdout).toMatch(/redirect/);
      } finally {
        await front.close();
        await other.close();
      }
    });
  });
});

describe("--read-only (issue 7)", { timeout: 90_000 }, () => {
  test("only GET requests reach the server; every write requirement is skipped as read-only; nothing created", async () => {
    await withReferenceServer({ seed: 6 }, async (server) => {
      const proxy = await startRecordingProxy(server.url);
      try {
        const result = await runCli(["--base-url", proxy.url, "--token", server.token, "--unprivileged-token", server.unprivilegedToken, "--foreign-pairing-id", server.foreignPairingId, "--read-only"]);
        expect(result.code, explain(result)).toBe(0);
        expect(proxy.seen.length).toBeGreaterThan(0);
        expect(proxy.seen.filter((r) => r.method !== "GET" && r.method !== "HEAD")).toEqual([]);
        const writeIds = new Set(loadCatalog().requirements.filter((r) => r.needs.includes("write") && r.profiles.includes("canvas")).map((r) => r.id));
        expect(writeIds.size).toBeGreaterThan(0);
        const notSkipped = result.report!.requirements.filter((r) => writeIds.has(r.id) && !(r.status === "skipped" && /read-only/.test(r.reason ?? "")));
        expect(notSkipped.map((r) => `${r.id}: ${r.status} ${r.reason ?? ""}`)).toEqual([]);
        expect(result.report!.footprint.created).toEqual([]);
        expect(result.report!.readOnly).toBe(true);
      } finally {
        await proxy.close();
      }
    });
  });
});
