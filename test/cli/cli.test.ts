// The command as users run it (issue 4): help, version, usage errors (exit 2, one line, no report), the embedded
// demo run (exit 0, every report written), and the profile/representation mismatch (exit 1 naming TEP-REP-003).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { HELP } from "../../cli/help.js";
import { startReferenceServer } from "../../fixtures/index.js";
import { freshReportDir, idsWithStatus, explain, runCli } from "./run-cli.js";

const README = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
const packageVersion = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package.json"), "utf8")).version as string;

describe("help and version", () => {
  test("--help prints the help text, which README.md quotes word for word", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(HELP);
    expect(README).toContain(HELP.trimEnd());
  });

  test("--version prints the package version", async () => {
    const result = await runCli(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(packageVersion);
  });
});

// Usage errors: one line naming what is wrong and the fix; exit 2; no report written (issue 4).
const usageCases: ReadonlyArray<{ args: string[]; env?: Record<string, string>; says: RegExp }> = [
  { args: ["--bogus"], says: /unknown option --bogus — run tep-conformance --help/ },
  { args: ["--url", "http://x"], says: /unknown option --url — did you mean --base-url\?/ },
  { args: ["--base-url", "http://127.0.0.1:9"], says: /no API token — pass --token TOKEN or set CANVAS_API_TOKEN/ },
  { args: ["--base-url", "ftp://x", "--token", "t"], says: /--base-url must be http or https/ },
  { args: ["--base-url", "https://x/api/v1", "--token", "t"], says: /must not include \/api\/v1/ },
  { args: ["--profile", "strictest"], says: /unknown profile "strictest" — use --profile canvas or --profile documented/ },
  { args: ["--only", "list,shwo"], says: /--only has unknown value "shwo"/ },
  { args: ["--reporter", "pdf"], says: /--reporter has unknown value "pdf"/ },
  { args: ["--timeout", "soon"], says: /--timeout must be a whole number/ },
  { args: ["--concurrency", "0"], says: /--concurrency must be a whole number from 1 to 64/ },
  { args: ["--token"], says: /option --token needs a value/ },
  { args: ["cleanup"], says: /cleanup needs --journal PATH/ },
  { args: ["extra"], says: /unexpected argument "extra"/ },
];

describe.concurrent("usage errors", () => {
  test.each(usageCases)("$args → exit 2", async ({ args, env, says }) => {
    const reportDir = join(freshReportDir(), "never");
    const result = await runCli(args, { ...(env ? { env } : {}), reportDir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(says);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(reportDir)).toBe(false);
  });
});

describe("runs", () => {
  test("no arguments: tests the embedded reference server, says so first, exits 0 and writes every report", async () => {
    const reportDir = freshReportDir();
    const result = await runCli([], { reportDir, cwd: reportDir });
    expect(result.stdout.split("\n")[0]).toMatch(/^tep-conformance: no --base-url given: testing the embedded reference server at http:\/\/127\.0\.0\.1:\d+/);
    expect(result.code, explain(result)).toBe(0);
    expect(readdirSync(reportDir).sort()).toEqual(expect.arrayContaining(["footprint.jsonl", "junit.xml", "report.html", "report.json", "report.md"]));
    expect(result.stdout).toMatch(/CONFORMANT/);
    for (const r of result.report!.requirements) {
      expect(["passed", "skipped", "not-applicable"]).toContain(r.status);
      if (r.status !== "passed") expect(r.reason).toBeTruthy();
    }
  });

  test("--profile documented against the wrapped reference server exits 1 naming the representation requirement", async () => {
    const server = await startReferenceServer({});
    try {
      const result = await runCli(["--base-url", server.url, "--token", server.token, "--profile", "documented", "--only", "representation"]);
      expect(result.code, explain(result)).toBe(1);
      expect(idsWithStatus(result.report, "failed")).toContain("TEP-REP-003");
      expect(result.stdout).toContain("TEP-REP-003");
    } finally {
      await server.close();
    }
  });

  test("--profile documented against the flat reference server exits 0", async () => {
    const server = await startReferenceServer({ representation: "flat" });
    try {
      const result = await runCli(["--base-url", server.url, "--token", server.token, "--unprivileged-token", server.unprivilegedToken, "--profile", "documented"]);
      expect(result.code, explain(result)).toBe(0);
    } finally {
      await server.close();
    }
  });

  test("--only skips the other areas with the reason", async () => {
    const server = await startReferenceServer({});
    try {
      const result = await runCli(["--base-url", server.url, "--token", server.token, "--only", "new"]);
      expect(result.code, explain(result)).toBe(0);
      const report = result.report!;
      expect(report.requirements.filter((r) => r.operation === "new").every((r) => r.status === "passed" || r.status === "not-applicable")).toBe(true);
      const list = report.requirements.find((r) => r.id === "TEP-LIST-001")!;
      expect(list.status).toBe("skipped");
      expect(list.reason).toMatch(/not selected by --only/);
    } finally {
      await server.close();
    }
  });
});
