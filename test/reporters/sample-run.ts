// A fixed, realistic ConformanceRun for the reporter tests: an older Canvas release (canvas-behavior.md §5) that
// still lists deleted pairings and answers DELETE with 204, seen through a run that also has a throttled
// (errored) check, skipped and not-applicable requirements, all three levels, and a pairing left active.
// Every value is fixed so the golden files never change by themselves (style.md §10).
import type { Level } from "../../spec/index.js";
import type { ConformanceRun, Evidence, RequirementResult, RequirementStatus, Summary } from "../../reporters/model.js";

/** The token the (imaginary) run was given. The model only ever holds the placeholder; reports must never hold this. */
export const SAMPLE_TOKEN = "7~Qm3pX9vLr2TzKc8WbN4hYs6DfG1jUa5eRo0iPq7tMnBvCx2ZlAkSd9FgHj3KwE4y";

const BASE = "https://canvas.example.edu";
const PAIRINGS = "/api/v1/accounts/self/temporary_enrollment_pairings";
const AUTH = { Authorization: "Bearer $CANVAS_API_TOKEN", Accept: "application/json" } as const;
const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "x-request-cost": "0.0213", "x-rate-limit-remaining": "699.25" };

function wrapped(id: number, state: "active" | "deleted"): object {
  return {
    temporary_enrollment_pairing: {
      id, root_account_id: 1, workflow_state: state, created_at: "2026-01-05T08:00:14Z", updated_at: "2026-01-05T08:00:15Z",
      created_by_id: 12, deleted_by_id: state === "deleted" ? 12 : null, ending_enrollment_state: "deleted",
    },
  };
}

const listEvidence: Evidence = {
  request: { method: "GET", url: `${BASE}${PAIRINGS}`, headers: AUTH },
  response: { status: 200, headers: JSON_HEADERS, body: JSON.stringify([wrapped(1041, "active"), wrapped(1042, "active"), wrapped(1043, "deleted"), wrapped(1044, "active")]) },
};

const deleteEvidence: Evidence = {
  request: { method: "DELETE", url: `${BASE}${PAIRINGS}/1043`, headers: AUTH },
  response: { status: 204, headers: { "x-request-cost": "0.0213", "x-rate-limit-remaining": "698.9" }, body: "" },
};

const conflictEvidence: Evidence = {
  request: {
    method: "POST", url: `${BASE}${PAIRINGS}?ending_enrollment_state=completed`,
    headers: { ...AUTH, "Content-Type": "application/json" }, body: '{"ending_enrollment_state":"inactive"}',
  },
  response: { status: 201, headers: JSON_HEADERS, body: JSON.stringify({ temporary_enrollment_pairing: { id: 1045, root_account_id: 1, workflow_state: "active", ending_enrollment_state: "inactive" } }) },
};

const throttledEvidence: Evidence = {
  request: { method: "GET", url: `${BASE}/api/v1/accounts/self/temporary_enrollment_pairings/new`, headers: AUTH },
  response: { status: 403, headers: { "content-type": "text/plain", "x-rate-limit-remaining": "0.0", "retry-after": "2" }, body: "403 Forbidden (Rate Limit Exceeded)" },
};

const costEvidence: Evidence = {
  request: { method: "GET", url: `${BASE}${PAIRINGS}`, headers: AUTH },
  response: { status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body: "[]" },
};

function curl(e: Evidence): string {
  const headers = Object.entries(e.request.headers).map(([k, v]) => ` -H '${k}: ${v}'`).join("");
  const body = e.request.body ? ` --data-raw '${e.request.body}'` : "";
  return `curl -sS -X ${e.request.method} '${e.request.url}'${headers}${body}`;
}

function req(id: string, level: Level, operation: RequirementResult["operation"], statement: string, status: RequirementStatus, rest: Partial<RequirementResult> = {}): RequirementResult {
  return { id, level, operation, statement, source: rest.source ?? "PUB#method.temporary_enrollment_pairings_api.index", status, tests: [], ...rest };
}

const requirements: RequirementResult[] = [
  req("TEP-LIST-001", "MUST", "list", "GET /api/v1/accounts/:account_id/temporary_enrollment_pairings answers 200 with a JSON array of pairing objects.", "passed", {
    tests: [{ title: "[TEP-LIST-001][TEP-REP-002] GET list answers 200 with an array of wrapped pairings", status: "passed", durationMs: 41 }],
  }),
  req("TEP-LIST-002", "MUST", "list", 'Without include_deleted the list contains active pairings and no pairing whose workflow_state is "deleted".', "failed", {
    tests: [{
      title: "[TEP-LIST-002][TEP-LIST-008] the default list leaves deleted pairings out", status: "failed", durationMs: 187,
      message: 'GET …/temporary_enrollment_pairings listed pairing 1043 with workflow_state "deleted", expected active pairings only (TEP-LIST-002); this looks like an older Canvas release',
      finding: {
        requirementId: "TEP-LIST-002", code: "deleted-in-default-list",
        expected: 'no pairing with workflow_state "deleted" without include_deleted', actual: 'pairing 1043 listed with workflow_state "deleted"',
        message: 'GET …/temporary_enrollment_pairings listed pairing 1043 with workflow_state "deleted", expected active pairings only (TEP-LIST-002); this looks like an older Canvas release',
      },
      evidence: listEvidence, curl: curl(listEvidence),
    }],
  }),
  req("TEP-LIST-004", "MUST", "list", "Every truthy spelling of include_deleted that Canvas accepts (yes, y, true, t, on, 1 in any case, and strings with a non-zero leading integer such as 2) includes deleted pairings.", "passed", {
    source: "CANVAS:lib/canvas/plugin.rb (value_to_boolean)",
    tests: ["yes", "T", "2"].map((value, i) => ({ title: `[TEP-LIST-004] include_deleted=${value} includes deleted pairings`, status: "passed" as const, durationMs: 23 + i })),
  }),
  req("TEP-LIST-011", "SHOULD", "list", 'A paginated list\'s Link header carries rel="current" and rel="first", and rel="next" on every page but the last, each an absolute URL on the server\'s origin.', "not-applicable", {
    source: "CANVAS:lib/api.rb", reason: "the target does not paginate lists (no Link header)",
  }),
  req("TEP-SHOW-001", "MUST", "show", "GET /api/v1/accounts/:account_id/temporary_enrollment_pairings/:id answers 200 with the pairing of that id, equal to what create returned.", "passed", {
    source: "PUB#method.temporary_enrollment_pairings_api.show",
    tests: [{ title: "[TEP-SHOW-001] show returns the pairing create returned", status: "passed", durationMs: 58 }],
  }),
  req("TEP-SHOW-005", "MUST", "show", "Show answers 404 for the id of a pairing that belongs to another root account.", "skipped", {
    source: "PUB#method.temporary_enrollment_pairings_api.show", reason: "needs --foreign-pairing-id",
    tests: [{ title: "[TEP-SHOW-005] show answers 404 for another root account's pairing", status: "skipped", durationMs: 0, message: "needs --foreign-pairing-id" }],
  }),
  req("TEP-NEW-002", "MUST", "new", "The pairing returned by new is unsaved, so its id is null.", "passed", {
    source: "PUB#method.temporary_enrollment_pairings_api.new",
    tests: [{ title: "[TEP-NEW-002][TEP-NEW-003] new answers an unsaved active pairing", status: "passed", durationMs: 19 }],
  }),
  req("TEP-CREATE-002", "MUST", "create", "Create answers 201 Created.", "passed", {
    source: "CANVAS:app/controllers/temporary_enrollment_pairings_api_controller.rb",
    tests: [{ title: "[TEP-CREATE-001][TEP-CREATE-002] create answers 201 with an integer id", status: "passed", durationMs: 64 }],
  }),
  req("TEP-CREATE-007", "SHOULD", "create", "When a parameter is given both in the query string and in the body, the query string's value is used.", "failed", {
    source: "CANVAS:app/controllers/temporary_enrollment_pairings_api_controller.rb",
    tests: [{
      title: "[TEP-CREATE-007] the query string wins over a JSON body", status: "failed", durationMs: 71,
      message: 'POST …/temporary_enrollment_pairings stored ending_enrollment_state "inactive" (the body\'s value), expected "completed" from the query string (TEP-CREATE-007)',
      finding: {
        requirementId: "TEP-CREATE-007", code: "body-wins-over-query", expected: 'ending_enrollment_state "completed" (query string)', actual: 'ending_enrollment_state "inactive" (JSON body)',
        message: 'POST …/temporary_enrollment_pairings stored ending_enrollment_state "inactive" (the body\'s value), expected "completed" from the query string (TEP-CREATE-007)',
      },
      evidence: conflictEvidence, curl: curl(conflictEvidence),
    }],
  }),
  req("TEP-DEL-001", "MUST", "delete", 'DELETE /api/v1/accounts/:account_id/temporary_enrollment_pairings/:id answers 200 with the pairing, whose workflow_state is "deleted".', "failed", {
    source: "PUB#method.temporary_enrollment_pairings_api.destroy",
    tests: [{
      title: "[TEP-DEL-001][TEP-DEL-003] DELETE answers 200 with the pairing in its deleted state", status: "failed", durationMs: 96,
      message: "DELETE …/temporary_enrollment_pairings/1043 → 204, expected 200 with the pairing (TEP-DEL-001); Canvas releases before the soft-delete change answered 204",
      finding: {
        requirementId: "TEP-DEL-001", code: "delete-status", expected: '200 with the pairing, workflow_state "deleted"', actual: "204 No Content with an empty body",
        message: "DELETE …/temporary_enrollment_pairings/1043 → 204, expected 200 with the pairing (TEP-DEL-001); Canvas releases before the soft-delete change answered 204",
      },
      evidence: deleteEvidence, curl: curl(deleteEvidence),
    }],
  }),
  req("TEP-DEL-006", "SHOULD", "delete", "Delete records the deleting user in deleted_by_id and advances updated_at no earlier than created_at.", "passed", {
    source: "PUB#method.temporary_enrollment_pairings_api.destroy",
    tests: [{ title: "[TEP-DEL-006] delete records deleted_by_id", status: "passed", durationMs: 88 }],
  }),
  req("TEP-AUTH-001", "MUST", "auth", "Every operation answers 401 to a request without credentials.", "passed", {
    source: "CANVAS:app/controllers/application_controller.rb",
    tests: ["list", "show", "new", "create", "delete"].map((op, i) => ({ title: `[TEP-AUTH-001] ${op} answers 401 without credentials`, status: "passed" as const, durationMs: 12 + i })),
  }),
  req("TEP-AUTH-004", "MUST", "auth", "Every operation answers 401 or 403, never 2xx, to a valid token of a user without the temporary enrollment permissions.", "skipped", {
    source: "CANVAS:app/controllers/temporary_enrollment_pairings_api_controller.rb", reason: "needs --unprivileged-token",
    tests: [{ title: "[TEP-AUTH-004] every operation refuses a user without the permission", status: "skipped", durationMs: 0, message: "needs --unprivileged-token" }],
  }),
  req("TEP-AUTH-008", "MAY", "auth", "The access token is also accepted as an access_token query parameter.", "passed", {
    source: "CANVAS:lib/api.rb",
    tests: [{ title: "[TEP-AUTH-008] access_token query parameter is accepted", status: "passed", durationMs: 15 }],
  }),
  req("TEP-ACCT-001", "MUST", "accounts", 'The account id "self" addresses the caller\'s domain root account on every operation.', "errored", {
    source: "CANVAS:lib/api.rb", reason: "throttled: no unthrottled answer after 4 attempts",
    tests: [{
      title: '[TEP-ACCT-001] "self" addresses the root account on every operation', status: "errored", durationMs: 9120,
      message: "throttled: GET …/temporary_enrollment_pairings/new answered 403 Rate Limit Exceeded 4 times (Retry-After 2); no unthrottled answer, so nothing was concluded",
      evidence: throttledEvidence, curl: curl(throttledEvidence),
    }],
  }),
  req("TEP-REP-001", "MUST", "representation", 'A single pairing is sent root-wrapped, {"temporary_enrollment_pairing":{…}}, with the eight columns id, root_account_id, workflow_state, created_at, updated_at, created_by_id, deleted_by_id and ending_enrollment_state.', "passed", {
    source: "CANVAS:config/initializers/active_record.rb",
    tests: [{ title: "[TEP-REP-001] a single pairing is root-wrapped with eight columns", status: "passed", durationMs: 33 }],
  }),
  req("TEP-REP-003", "MUST", "representation", "A pairing is a flat JSON object with an integer id and a string workflow_state, as on the published page.", "not-applicable", {
    source: "PUB#temporaryenrollmentpairing", reason: "belongs to profile documented; this run uses profile canvas",
  }),
  req("TEP-ROB-006", "MAY", "robustness", "Responses carry X-Request-Cost and X-Rate-Limit-Remaining headers for client-side pacing.", "failed", {
    source: "CANVAS:app/middleware/request_throttle.rb",
    tests: [{
      title: "[TEP-ROB-006] responses carry throttling headers", status: "failed", durationMs: 14,
      message: "GET …/temporary_enrollment_pairings answered without X-Request-Cost and X-Rate-Limit-Remaining (TEP-ROB-006)",
      finding: { requirementId: "TEP-ROB-006", code: "missing-throttle-headers", expected: "X-Request-Cost and X-Rate-Limit-Remaining headers", actual: "neither header", message: "GET …/temporary_enrollment_pairings answered without X-Request-Cost and X-Rate-Limit-Remaining (TEP-ROB-006)" },
      evidence: costEvidence, curl: curl(costEvidence),
    }],
  }),
];

/** The summary the adapter would compute: counts per status, overall and per level. */
export function summarize(reqs: readonly RequirementResult[]): Summary {
  const zero = () => ({ passed: 0, failed: 0, skipped: 0, errored: 0, notApplicable: 0 });
  const byLevel = { MUST: zero(), SHOULD: zero(), MAY: zero() };
  const total = zero();
  for (const r of reqs) {
    const key = r.status === "not-applicable" ? "notApplicable" : r.status;
    byLevel[r.level][key] += 1;
    total[key] += 1;
  }
  return { total: reqs.length, ...total, byLevel };
}

export function sampleRun(overrides: Partial<ConformanceRun> = {}): ConformanceRun {
  const reqs = overrides.requirements ?? requirements;
  return {
    tool: { name: "tep-conformance", version: "0.1.0" },
    spec: { version: "1.0.0", sha256: "3f2a9c7e1b04d5a6e8f90b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4" },
    target: { baseUrl: BASE, accountId: "self" },
    profile: "canvas",
    strict: false,
    readOnly: false,
    insecure: true,
    startedAt: "2026-01-05T08:00:13.000Z",
    durationMs: 18_734,
    conformant: false,
    exitCode: 1,
    summary: summarize(reqs),
    requirements: reqs,
    footprint: { created: ["1041", "1042", "1043", "1044", "1045", "1046"], deleted: ["1041", "1042", "1043", "1044", "1045"], leftActive: ["1046"] },
    requests: { count: 187, throttled: 6, cost: 4.0821 },
    warnings: [
      "TLS certificate verification was disabled (--insecure): the target's identity was not checked.",
      "Cleanup could not delete pairing 1046 (DELETE timed out); run `tep-conformance cleanup --journal conformance-report/footprint.jsonl`.",
    ],
    ...overrides,
  };
}

/** A run where everything applicable passed: exit 0. */
export function conformantRun(): ConformanceRun {
  const reqs = requirements.map((r): RequirementResult => {
    if (r.status !== "failed" && r.status !== "errored") return r;
    const { reason: _reason, ...rest } = r;
    return { ...rest, status: "passed", tests: r.tests.map((t) => ({ title: t.title, status: "passed", durationMs: t.durationMs })) };
  });
  return sampleRun({
    requirements: reqs, conformant: true, exitCode: 0, insecure: false, warnings: [],
    target: { baseUrl: "http://127.0.0.1:41234", accountId: "self", description: "embedded reference server" },
    footprint: { created: ["1", "2"], deleted: ["1", "2"], leftActive: [] }, requests: { count: 150, throttled: 0, cost: 0 },
  });
}

/** A run that ended early: the target stopped answering connections (exit 3). */
export function abortedRun(): ConformanceRun {
  const reason = "the target refused connections (ECONNREFUSED 127.0.0.1:41234)";
  const reqs = requirements.map((r): RequirementResult => (r.status === "failed" ? { ...r, status: "errored", reason, tests: r.tests.map((t) => ({ ...t, status: "errored" })) } : r));
  return sampleRun({ requirements: reqs, conformant: false, exitCode: 3, abortReason: reason });
}
