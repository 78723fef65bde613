// Issue 7 end to end, as a user sees it through the compiled CLI: throttling is paced and retried, never a verdict;
// Ctrl-C deletes what the run created; a SIGKILLed run is finished by `cleanup`; a server that never answers ends
// within the timeouts with exit 1; an unreachable target ends within seconds with exit 3.
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { findDefect } from "../../fixtures/index.js";
import { explain, idsWithStatus, runCli } from "./run-cli.js";
import {
  closedPort, pairingStates, readJournal, runCliInterruptedLikeATerminal, startBucketHidingFront, targetArgs, waitFor, withReferenceServer,
} from "./safety-servers.js";

const THROTTLED_COUNT = /Requests\s+(\d+) sent · (\d+) throttled · cost/;

describe.concurrent("throttling (issue 7, Throttling)", { timeout: 120_000 }, () => {
  test("against the reference server throttled at 10 requests/s the run is conformant and reports the throttled count", async () => {
    await withReferenceServer({ rateLimit: 10 }, async (server) => {
      const result = await runCli(targetArgs(server));
      expect(result.code, explain(result)).toBe(0);
      expect(result.report!.conformant).toBe(true);
      const shown = THROTTLED_COUNT.exec(result.stdout);
      expect(shown, result.stdout.slice(-1500)).not.toBeNull();
      expect(Number(shown![1])).toBe(result.report!.requests.count);
      expect(Number(shown![2])).toBe(result.report!.requests.throttled);
      // The bucket headers say what each request cost (canvas-behavior.md §4): the report sums them.
      expect(result.report!.requests.cost).toBeGreaterThan(0);
    });
  });

  test("a throttle that hides its bucket is met with 403 Rate Limit Exceeded, backed off and retried: conformant, throttled > 0", async () => {
    await withReferenceServer({ rateLimit: 10 }, async (server) => {
      const front = await startBucketHidingFront(server.url);
      try {
        const result = await runCli(["--base-url", front.url, "--token", server.token, "--unprivileged-token", server.unprivilegedToken, "--foreign-pairing-id", server.foreignPairingId]);
        expect(result.code, explain(result)).toBe(0);
        expect(result.report!.requests.throttled).toBeGreaterThan(0);
        expect(idsWithStatus(result.report, "errored")).toEqual([]);
        expect(THROTTLED_COUNT.exec(result.stdout)?.[2]).toBe(String(result.report!.requests.throttled));
      } finally {
        await front.close();
      }
    });
  });
});

describe.concurrent("footprint and cleanup (issue 7, Footprint and cleanup)", { timeout: 60_000 }, () => {
  test.each(["SIGINT", "SIGTERM"] as const)("%s mid-run: exit 3, report written, and no pairing the run created is left active (checked with include_deleted)", async (signal) => {
    await withReferenceServer({ latencyMs: 40 }, async (server) => {
      let interrupted = false;
      const result = await runCli(targetArgs(server), {
        onSpawn: (child) => {
          void waitFor("a created pairing in the journal", async () => (await readJournal(journalOf(child.spawnargs))).created.length > 0).then(() => {
            interrupted = child.kill(signal);
          });
        },
      });
      expect(interrupted).toBe(true);
      expect(result.code, explain(result)).toBe(3);
      expect(result.report?.abortReason, explain(result)).toMatch(/interrupted/);
      expect(result.stderr).toContain(`${signal} — stopping, deleting what this run created`);
      const journal = await readJournal(join(result.reportDir, "footprint.jsonl"));
      expect(journal.created.length).toBeGreaterThan(0);
      const states = await pairingStates(server);
      const notDeleted = journal.created.filter((id) => states.get(id) !== "deleted").map((id) => `${id}: ${states.get(id) ?? "absent"}`);
      expect(notDeleted).toEqual([]);
      // The server started empty: any active pairing now is one the run created without journaling it.
      expect([...states].filter(([, state]) => state !== "deleted")).toEqual([]);
      expect(result.report!.footprint.leftActive).toEqual([]);
      expect(result.report!.footprint.created).toEqual(expect.arrayContaining(journal.created));
    });
  });

  test("Ctrl-C in a terminal (SIGINT to the CLI and its suite worker): no pairing left active on the server", async () => {
    await withReferenceServer({ latencyMs: 40 }, async (server) => {
      const result = await runCliInterruptedLikeATerminal(targetArgs(server), async (dir) => (await readJournal(join(dir, "footprint.jsonl"))).created.length > 0);
      expect(result.code, result.stderr).toBe(3);
      expect(result.report?.abortReason).toMatch(/interrupted/);
      // The server started empty: every pairing it holds was created by the run, and none may be left active.
      const states = await pairingStates(server);
      expect(states.size).toBeGreaterThan(0);
      expect([...states].filter(([, state]) => state !== "deleted")).toEqual([]);
      expect(result.report!.footprint.leftActive).toEqual([]);
    });
  });

  test("SIGKILL leaves pairings active; cleanup --journal deletes every one of them, then has nothing to do", async () => {
    await withReferenceServer({ latencyMs: 40 }, async (server) => {
      let journalPath = "";
      const killed = await runCli(targetArgs(server), {
        onSpawn: (child) => {
          journalPath = journalOf(child.spawnargs);
          void waitFor("active pairings in the journal", async () => (await readJournal(journalPath)).active.length >= 2).then(() => child.kill("SIGKILL"));
        },
      });
      expect(killed.signal, explain(killed)).toBe("SIGKILL");
      const left = (await readJournal(journalPath)).active;
      const statesAfterKill = await pairingStates(server);
      expect(left.filter((id) => statesAfterKill.get(id) === "active").length).toBeGreaterThan(0);

      const cleanup = await runCli(["cleanup", "--journal", journalPath, "--token", server.token]);
      expect(cleanup.code, cleanup.stdout + cleanup.stderr).toBe(0);
      expect(cleanup.stdout).toMatch(/deleted (\d+) of \1 active pairing\(s\)/);
      const journal = await readJournal(journalPath);
      const states = await pairingStates(server);
      expect(journal.created.filter((id) => states.get(id) !== "deleted")).toEqual([]);
      expect(journal.active).toEqual([]);

      const again = await runCli(["cleanup", "--journal", journalPath, "--token", server.token]);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/nothing to do/);
    });
  });
});

describe.concurrent("timeouts and unreachable targets (issue 7, Timeouts and limits; Verdict rules)", { timeout: 90_000 }, () => {
  test("a server that never answers list requests: within the timeouts, exit 1, TEP-LIST-001 failed as timed out, report written", async () => {
    const defect = findDefect("list-never-answers")!;
    await withReferenceServer(defect.server, async (server) => {
      const result = await runCli([...targetArgs(server), "--timeout", "1500", "--run-timeout", "60000"], { timeoutMs: 80_000 });
      expect(result.durationMs).toBeLessThan(45_000);
      expect(result.code, explain(result)).toBe(1);
      expect(result.report, explain(result)).toBeDefined();
      const list = result.report!.requirements.find((r) => r.id === "TEP-LIST-001")!;
      expect(list.status).toBe("failed");
      const messages = list.tests.map((t) => t.finding?.message ?? t.message ?? "").join("\n");
      expect(messages).toMatch(/did not answer within 1500 ms/);
      expect(result.stdout).toMatch(/did not answer within 1500 ms/);
      expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    });
  });

  test("an unreachable target (connection refused) ends within seconds with exit 3 and a report saying so", async () => {
    const port = await closedPort();
    const result = await runCli(["--base-url", `http://127.0.0.1:${port}`, "--token", "t0ken"], { timeoutMs: 30_000 });
    expect(result.durationMs).toBeLessThan(10_000);
    expect(result.code, explain(result)).toBe(3);
    expect(result.report?.abortReason).toMatch(/ECONNREFUSED|connection refused/i);
    expect(result.stdout.split("\n").slice(0, 3).join("\n")).toMatch(/COULD NOT COMPLETE/);
    expect(result.stdout).toMatch(/ECONNREFUSED/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

/** The journal path of a CLI child from its arguments (runCli appends --report-dir DIR). */
function journalOf(spawnargs: readonly string[]): string {
  return join(spawnargs[spawnargs.indexOf("--report-dir") + 1]!, "footprint.jsonl");
}
