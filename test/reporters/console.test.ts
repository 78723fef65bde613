import { describe, expect, it } from "vitest";
import { CONSOLE_WIDTH, formatTestLine, renderConsoleSummary } from "../../reporters/console.js";
import type { TestStatus } from "../../reporters/model.js";
import { expectGolden } from "./golden.js";
import { hostileRun } from "./hostile-run.js";
import { abortedRun, conformantRun, sampleRun } from "./sample-run.js";

const ESC = "\u001b";

describe("renderConsoleSummary", () => {
  it("matches the golden summary of the sample run (no colour)", () => {
    expectGolden("console.txt", renderConsoleSummary(sampleRun(), { color: false }));
  });

  it("starts with the verdict, profile and target and ends with the verdict and exit code", () => {
    const lines = renderConsoleSummary(sampleRun(), { color: false }).trimEnd().split("\n");
    expect(lines[0]).toBe("NOT CONFORMANT  profile canvas · https://canvas.example.edu (account self)");
    expect(lines.at(-1)).toBe("NOT CONFORMANT · exit 1 · 18.7s");
  });

  const verdicts = [
    { given: "conformant run", run: conformantRun, want: "CONFORMANT  profile canvas · http://127.0.0.1:41234 (account self, embedded reference server)" },
    { given: "aborted run", run: abortedRun, want: "COULD NOT COMPLETE  profile canvas · https://canvas.example.edu (account self)" },
  ];
  for (const { given, run, want } of verdicts) {
    it(`names the verdict of the ${given}`, () => {
      expect(renderConsoleSummary(run(), { color: false }).split("\n")[0]).toBe(want);
    });
  }

  it("says why an aborted run could not complete", () => {
    expect(renderConsoleSummary(abortedRun(), { color: false })).toContain("The run could not complete: the target refused connections");
  });

  it("keeps matrix rows within the console width", () => {
    const rows = renderConsoleSummary(sampleRun(), { color: false }).split("\n").filter((l) => /^ {2}[✓✗!\-○] TEP-/.test(l));
    expect(rows).toHaveLength(sampleRun().requirements.length);
    for (const row of rows) expect([...row].length).toBeLessThanOrEqual(CONSOLE_WIDTH);
  });

  it("shows each failure's expected, actual, redacted request, response excerpt and curl line", () => {
    const text = renderConsoleSummary(sampleRun(), { color: false });
    const section = text.slice(text.indexOf("✗ TEP-DEL-001 [MUST]"));
    expect(section).toMatch(/expected {4}200 with the pairing, workflow_state "deleted"/);
    expect(section).toMatch(/actual {6}204 No Content with an empty body/);
    expect(section).toContain("DELETE https://canvas.example.edu/api/v1/accounts/self/temporary_enrollment_pairings/1043");
    expect(section).toContain("Authorization: Bearer $CANVAS_API_TOKEN");
    expect(section).toMatch(/response {4}204 No Content/);
    expect(section).toContain("reproduce   curl -sS -X DELETE");
  });

  it("cuts long response bodies to an excerpt and says how much was left out", () => {
    const text = renderConsoleSummary(sampleRun(), { color: false });
    expect(text).toMatch(/… \(\d+ more characters\)/);
    expect(text).not.toContain('"id": 1044');
  });

  it("reports the footprint, left-active pairings, request counts and warnings", () => {
    const text = renderConsoleSummary(sampleRun(), { color: false });
    expect(text).toContain("6 pairings created · 5 deleted · 1 left active: 1046");
    expect(text).toContain("187 sent · 6 throttled · cost 4.08");
    expect(text).toContain("! TLS certificate verification was disabled (--insecure)");
  });

  it("shows control characters from the server as visible escapes, so they cannot drive the terminal", () => {
    const text = renderConsoleSummary(hostileRun(), { color: false });
    // eslint-disable-next-line no-control-regex -- the assertion is about control characters
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(text).toContain("\\x00\\x07\\x1b[31mRED\\x1b[0m\\x08\\x0b\\x0c\\x7f\\u202e");
  });

  it("uses ANSI colours only when asked to", () => {
    expect(renderConsoleSummary(sampleRun(), { color: false })).not.toContain(ESC);
    const coloured = renderConsoleSummary(sampleRun(), { color: true });
    expect(coloured).toContain(`${ESC}[31m${ESC}[1mNOT CONFORMANT${ESC}[0m`);
    // Colour never changes the words: stripping the codes gives the plain text back.
    expect(coloured.replaceAll(new RegExp(`${ESC}\\[\\d+m`, "g"), "")).toBe(renderConsoleSummary(sampleRun(), { color: false }));
  });
});

describe("formatTestLine", () => {
  const table: Array<{ status: TestStatus; durationMs: number; want: string }> = [
    { status: "passed", durationMs: 12, want: "  ✓ [TEP-LIST-001] GET list answers 200 12ms" },
    { status: "failed", durationMs: 1234, want: "  ✗ [TEP-LIST-001] GET list answers 200 1.2s" },
    { status: "errored", durationMs: 61_000, want: "  ! [TEP-LIST-001] GET list answers 200 1m 01s" },
    { status: "skipped", durationMs: 0, want: "  - [TEP-LIST-001] GET list answers 200 0ms" },
  ];
  for (const { status, durationMs, want } of table) {
    it(`formats a ${status} test without colour`, () => {
      expect(formatTestLine("[TEP-LIST-001] GET list answers 200", status, durationMs, false)).toBe(want);
    });
  }

  it("colours the symbol and dims the duration when asked to", () => {
    expect(formatTestLine("[TEP-LIST-001] x", "passed", 12, true)).toBe(`  ${ESC}[32m✓${ESC}[0m [TEP-LIST-001] x ${ESC}[2m12ms${ESC}[0m`);
  });

  it("truncates long titles to the console width", () => {
    const line = formatTestLine(`[TEP-LIST-004] include_deleted=${"y".repeat(200)}`, "passed", 5, false);
    expect([...line].length).toBeLessThanOrEqual(CONSOLE_WIDTH);
    expect(line).toMatch(/… 5ms$/);
  });
});
