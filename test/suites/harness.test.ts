// The suites' harness as data: skip reasons (issue 4/7: the exact words the reports show) and the request line of
// finding messages (style.md §7).
import { describe, expect, test } from "vitest";
import type { TargetConfig } from "../../client/types.js";
import { requestLine, statusMatches } from "../../suites/check.js";
import { applicableIds, skipReason } from "../../suites/harness.js";

const config: TargetConfig = {
  baseUrl: "http://127.0.0.1:1", token: "t", accountId: "self", profile: "canvas", readOnly: false, strict: false, timeoutMs: 1000,
  concurrency: 1, reportDir: "/tmp", maxResponseBytes: 1, insecure: false, followRedirects: false,
};

describe("skipReason", () => {
  test("names the missing input", () => {
    expect(skipReason(["TEP-LIST-002"], [], { ...config, readOnly: true })).toBe("read-only");
    expect(skipReason(["TEP-AUTH-004"], [], config)).toBe("needs --unprivileged-token");
    expect(skipReason(["TEP-SHOW-005"], [], config)).toBe("needs --foreign-pairing-id");
    expect(skipReason(["TEP-LIST-001"], [], { ...config, only: ["auth"] })).toBe("not selected by --only");
    expect(skipReason(["TEP-AUTH-001"], ["write"], { ...config, readOnly: true })).toBe("read-only");
  });

  test("runs what has its inputs", () => {
    expect(skipReason(["TEP-LIST-001"], [], { ...config, readOnly: true })).toBeUndefined();
    expect(skipReason(["TEP-AUTH-004"], [], { ...config, unprivilegedToken: "u" })).toBeUndefined();
  });
});

test("applicableIds keeps the ids of the active profile", () => {
  expect(applicableIds(["TEP-REP-001", "TEP-REP-003"], config)).toEqual(["TEP-REP-001"]);
  expect(applicableIds(["TEP-REP-001", "TEP-REP-003"], { ...config, profile: "documented" })).toEqual(["TEP-REP-003"]);
  expect(() => applicableIds(["TEP-NOPE-001"], config)).toThrow(/not in spec/);
});

test("requestLine shortens pairing paths and keeps the query", () => {
  const evidence = (method: string, url: string) => ({ request: { method, url, headers: {} } });
  expect(requestLine(evidence("DELETE", "https://c.example/api/v1/accounts/self/temporary_enrollment_pairings/42"), "self")).toBe("DELETE /…/42");
  expect(requestLine(evidence("GET", "https://c.example/api/v1/accounts/self/temporary_enrollment_pairings?include_deleted=yes"), "self")).toBe("GET /…/temporary_enrollment_pairings?include_deleted=yes");
  expect(requestLine(evidence("GET", "https://c.example/api/v1/accounts/9/temporary_enrollment_pairings"), "self")).toBe("GET /…/accounts/9/temporary_enrollment_pairings");
});

test("statusMatches", () => {
  expect(statusMatches(201, "2xx")).toBe(true);
  expect(statusMatches(403, [401, 403])).toBe(true);
  expect(statusMatches(500, "4xx")).toBe(false);
});
