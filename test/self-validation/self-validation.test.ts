// Self-validation by mutation (issue 5): the full suite, through the compiled CLI, must find the reference server
// conformant in every profile and legal variation, and must catch every defect of fixtures/defects/ — each listed
// requirement reported failed, the run exiting 1. Prints `defects caught N/N, reference runs clean M/M`.
import { afterAll, describe, expect, test } from "vitest";
import { defects, startReferenceServer, type Defect, type ReferenceServerOptions } from "../../fixtures/index.js";
import { loadCatalog } from "../../spec/index.js";
import { explain, idsWithStatus, runCli } from "../cli/run-cli.js";

interface ReferenceCase {
  readonly name: string;
  readonly server: ReferenceServerOptions;
  readonly args: readonly string[];
}

// Legal variations a conformant server may show; the suite must stay quiet for all of them (issue 5).
const referenceCases: readonly ReferenceCase[] = [
  { name: "canvas profile, wrapped", server: {}, args: ["--profile", "canvas"] },
  { name: "canvas profile, wrapped, --strict", server: {}, args: ["--profile", "canvas", "--strict"] },
  { name: "documented profile, flat", server: { representation: "flat" }, args: ["--profile", "documented"] },
  { name: "documented profile, flat, --strict", server: { representation: "flat" }, args: ["--profile", "documented", "--strict"] },
  { name: "paginated at 3 per page, 45 seeded", server: { perPage: 3, seed: 45 }, args: ["--strict"] },
  { name: "paginated at 10 per page, 45 seeded", server: { perPage: 10, seed: 45 }, args: ["--strict"] },
  { name: "large ids (10^13)", server: { idStart: 10_000_000_000_000, seed: 5 }, args: ["--strict"] },
  { name: "30 ms latency", server: { latencyMs: 30 }, args: ["--strict"] },
  { name: "throttled at 15 requests/s", server: { rateLimit: 15 }, args: ["--strict"] },
  { name: "numeric account id", server: {}, args: ["--account-id", "1", "--strict"] },
  { name: "--read-only", server: { seed: 6 }, args: ["--read-only", "--strict"] },
];

let clean = 0;
let caught = 0;
const applicableIds = (profile: string) => new Set(loadCatalog().requirements.filter((r) => r.profiles.includes(profile as never)).map((r) => r.id));

async function withServer<T>(options: ReferenceServerOptions, body: (s: Awaited<ReturnType<typeof startReferenceServer>>) => Promise<T>): Promise<T> {
  const server = await startReferenceServer(options);
  try {
    return await body(server);
  } finally {
    await server.close();
  }
}

function targetArgs(s: Awaited<ReturnType<typeof startReferenceServer>>): string[] {
  return ["--base-url", s.url, "--token", s.token, "--unprivileged-token", s.unprivilegedToken, "--foreign-pairing-id", s.foreignPairingId];
}

describe.concurrent("reference server runs clean", { timeout: 240_000 }, () => {
  test.each(referenceCases)("$name", async ({ server, args }) => {
    const result = await withServer(server, (s) => runCli([...targetArgs(s), ...args]));
    expect(result.code, explain(result)).toBe(0);
    const report = result.report!;
    expect(report.conformant).toBe(true);
    expect(idsWithStatus(report, "failed"), explain(result)).toEqual([]);
    expect(idsWithStatus(report, "errored"), explain(result)).toEqual([]);
    for (const r of report.requirements) if (r.status === "skipped") expect(r.reason, `${r.id} skipped without a reason`).toBeTruthy();
    expect(report.warnings.filter((w) => /requirement catalog|names no requirement/.test(w))).toEqual([]);
    expect(report.footprint.leftActive).toEqual([]);
    if (!args.includes("--read-only")) {
      // Coverage: with every input given, every applicable requirement is checked (passed), none merely skipped.
      const profile = args.includes("documented") ? "documented" : "canvas";
      const unchecked = report.requirements.filter((r) => applicableIds(profile).has(r.id) && r.status !== "passed").map((r) => `${r.id}: ${r.status} ${r.reason ?? ""}`);
      expect(unchecked).toEqual([]);
    }
    clean += 1;
  });
});

describe.concurrent("every defect is caught", { timeout: 240_000 }, () => {
  test.each(defects.map((d) => [d.name, d] as [string, Defect]))("%s", async (_name, defect) => {
    const result = await withServer(defect.server, (s) =>
      runCli([
        ...targetArgs(s),
        "--profile", defect.profile,
        ...(defect.strict ? ["--strict"] : []),
        ...(defect.run?.timeoutMs ? ["--timeout", String(defect.run.timeoutMs)] : []),
      ]),
    );
    const failed = idsWithStatus(result.report, "failed");
    const missed = defect.expectedFailures.filter((id) => !failed.includes(id));
    expect(missed, `${defect.name}: ${defect.description}\n${explain(result)}`).toEqual([]);
    expect(result.code, explain(result)).toBe(1);
    // Every failure explains itself with a message a user can act on.
    for (const r of result.report!.requirements.filter((q) => q.status === "failed")) {
      expect(r.tests.some((t) => t.status === "failed" && (t.message ?? "").length > 10), `${r.id} has no message`).toBe(true);
    }
    caught += 1;
  });
});

afterAll(() => {
  console.log(`defects caught ${caught}/${defects.length}, reference runs clean ${clean}/${referenceCases.length}`);
});
