// Issue 7, Determinism: 20 consecutive runs against the reference server give identical verdicts. Four lanes of
// five consecutive runs, each lane with its own reference server (its state grows run after run: pairings created
// and deleted by the earlier runs must not change a verdict), so concurrent runs never share one server.
import { describe, expect, test } from "vitest";
import type { ConformanceRun } from "../../reporters/model.js";
import { explain, runCli } from "./run-cli.js";
import { targetArgs, withReferenceServer } from "./safety-servers.js";

const LANES = 4;
const RUNS_PER_LANE = 5;

/** The verdict of every requirement: id → status. */
function verdicts(report: ConformanceRun | undefined): Record<string, string> {
  return Object.fromEntries((report?.requirements ?? []).map((r) => [r.id, r.status]));
}

describe("determinism (issue 7)", () => {
  test(`${LANES * RUNS_PER_LANE} runs against the reference server give identical verdicts`, { timeout: 180_000 }, async () => {
    const lanes = Array.from({ length: LANES }, () =>
      withReferenceServer({}, async (server) => {
        const results: Array<{ verdicts: Record<string, string>; exit: number | null; explanation: string }> = [];
        for (let run = 0; run < RUNS_PER_LANE; run++) {
          const result = await runCli([...targetArgs(server), "--reporter", "json"]);
          results.push({ verdicts: verdicts(result.report), exit: result.code, explanation: explain(result) });
        }
        return results;
      }),
    );
    const runs = (await Promise.all(lanes)).flat();
    expect(runs).toHaveLength(LANES * RUNS_PER_LANE);
    const first = runs[0]!;
    expect(Object.keys(first.verdicts).length).toBeGreaterThan(0);
    expect(first.exit, first.explanation).toBe(0);
    for (const [index, run] of runs.entries()) {
      expect(run.verdicts, `run ${index + 1}: ${run.explanation}`).toEqual(first.verdicts);
      expect(run.exit, `run ${index + 1}: ${run.explanation}`).toBe(first.exit);
    }
  });
});
