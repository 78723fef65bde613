// Robustness (canvas-behavior.md §2–4): unknown parameters are ignored, a malformed JSON body is a 400 that creates
// nothing, nothing the suite sends is a 5xx, every request is answered in time, and Canvas's throttle headers.
import { isNoAnswer } from "../client/errors.js";
import type { ApiRequest, ApiResponse } from "../client/types.js";
import type { Evidence } from "../reporters/model.js";
import type { Need } from "../spec/index.js";
import type { Check } from "./check.js";
import { createWith } from "./create.js";
import { requirementTest } from "./harness.js";
import { idSet, setDifference } from "./list-checks.js";
import { collectionPath, differences, idOf, itemPath, pairingOf, shown, sameJson } from "./pairings.js";
import { appearedPairings, malformedCreate } from "./refusals.js";
import { targetConfig } from "./config.js";
import { activeCreate, DEFAULT_LIST, deletedFixture, samplePairingId, send, sharedNew, sharedShow, sharedWalk, stablePredicate, unknownShow, writesAllowed, type ListRequest } from "./shared.js";

const BAD_REQUEST = { message: "An error occurred.", error_code: "bad_request" };

// Odd ids, parameters and encodings (TEP-ROB-004); typed case table next to its loop (style.md §8). Rows marked
// `shared` judge an answer another test asked for; the others send their request here.
type OddRequest = { readonly label: string; readonly needs: readonly Need[] } & ({ readonly request: (account: string) => ApiRequest } | { readonly shared: () => Promise<ApiResponse | undefined> });

const get = (path: string, query?: ApiRequest["query"]): ApiRequest => ({ method: "GET", path, ...(query ? { query } : {}) });
const post = (path: string, raw: string, contentType: string): ApiRequest => ({ method: "POST", path, body: { raw, contentType } });

const ODD_REQUESTS: readonly OddRequest[] = [
  { label: 'show of id "-1"', needs: [], request: (a) => get(itemPath(a, "-1")) },
  { label: 'show of id "0"', needs: [], request: (a) => get(itemPath(a, "0")) },
  { label: 'show of id "1.5"', needs: [], request: (a) => get(itemPath(a, "1.5")) },
  { label: "show of a 30-digit id", needs: [], request: (a) => get(itemPath(a, "9".repeat(30))) },
  { label: 'show of the non-ASCII id "✓"', needs: [], request: (a) => get(itemPath(a, "✓")) },
  { label: 'show of the non-numeric id "abc"', needs: [], shared: () => sharedShow("abc") },
  { label: 'show of the non-numeric id "NEW"', needs: [], shared: () => sharedShow("NEW") },
  { label: "list with include_deleted[]=true", needs: [], request: (a) => get(collectionPath(a), [["include_deleted[]", "true"]]) },
  { label: "list with per_page=-1", needs: [], request: (a) => get(collectionPath(a), [["per_page", "-1"]]) },
  { label: "list with page=abc", needs: [], request: (a) => get(collectionPath(a), [["page", "abc"]]) },
  { label: "list with an unknown parameter", needs: [], shared: async () => (await sharedWalk(UNKNOWN_PARAMETER_LIST)).pages[0] },
  { label: 'delete of the non-numeric id "abc"', needs: ["write"], shared: () => deleteOfAbc() },
  { label: "create with a malformed JSON body", needs: ["write"], shared: async () => (await malformedCreate()).answer },
  { label: "create with an unknown parameter", needs: ["write"], shared: () => createWith("json", UNKNOWN_PARAMETER_CREATE) },
  { label: "create with a text/plain body", needs: ["write"], request: (a) => post(collectionPath(a), "ending_enrollment_state=completed", "text/plain") },
  { label: "create with the JSON body null", needs: ["write"], request: (a) => post(collectionPath(a), "null", "application/json") },
  { label: "create with the JSON body []", needs: ["write"], request: (a) => post(collectionPath(a), "[]", "application/json") },
  { label: "create with a number as ending_enrollment_state", needs: ["write"], request: (a) => post(collectionPath(a), '{"ending_enrollment_state":5}', "application/json") },
  { label: "create with ending_enrollment_state[]=completed", needs: ["write"], request: (a) => post(collectionPath(a), "ending_enrollment_state%5B%5D=completed", "application/x-www-form-urlencoded") },
];

const UNKNOWN_PARAMETER_LIST: ListRequest = { query: [["tep_unknown_parameter", "1"]] };
const UNKNOWN_PARAMETER_CREATE = { ending_enrollment_state: "completed", tep_unknown_parameter: "1" } as const;

/** DELETE of "abc": sent only after show answered 404 for it (the client's guard, client/guard.ts). */
async function deleteOfAbc(): Promise<ApiResponse | undefined> {
  const probe = await sharedShow("abc");
  if (probe.status !== 404) return undefined;
  return send({ method: "DELETE", path: itemPath(targetConfig().accountId, "abc") });
}

/** Awaits a shared answer; a timeout or reset is a finding of TEP-ROB-005, anything else propagates. */
async function answered(t: Check, what: string, pending: Promise<unknown>): Promise<void> {
  try {
    await pending;
  } catch (error) {
    if (!isNoAnswer(error)) throw error;
    const evidence = (error as { evidence?: Evidence }).evidence;
    t.check("TEP-ROB-005", false, { code: (error as { code?: string }).code ?? "no-answer", expected: `an answer to ${what} within the per-request timeout`, actual: error.message, response: null, ...(evidence ? { evidence } : {}) });
  }
}

export function registerRobustnessTests(): void {
  requirementTest(["TEP-ROB-001"], "unknown parameters are ignored by list and create", async (t) => {
    // The creates do not depend on the lists: sent with them, not after (issue 8, critical path). Concurrent
    // creates cannot change the list comparison, which looks only at stable pairings.
    const creates = Promise.all([createWith("json", { ending_enrollment_state: "completed" }), createWith("json", UNKNOWN_PARAMETER_CREATE)]);
    creates.catch(() => undefined); // awaited below; this only keeps it handled if the lists throw first
    const [plain, odd] = await Promise.all([sharedWalk(DEFAULT_LIST), sharedWalk(UNKNOWN_PARAMETER_LIST)]);
    const stable = await stablePredicate();
    const diff = setDifference(idSet(t.listed("TEP-ROB-001", plain), stable), idSet(t.listed("TEP-ROB-001", odd), stable));
    t.check("TEP-ROB-001", diff === "", { code: "different-list", expected: "the same pairings as without tep_unknown_parameter", actual: diff, response: odd.pages[0] ?? null });
    const [without, withUnknown] = await creates;
    if (!t.status("TEP-ROB-001", t.see(withUnknown), "2xx", "2xx with the created pairing")) return;
    const a = t.pairing("TEP-ROB-001", withUnknown);
    const b = pairingOf(without.json, t.profile);
    if (!a || !b || without.status >= 300) return;
    // Everything but what differs between any two creates (id, timestamps) must be the same.
    const comparable = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([k]) => !["id", "created_at", "updated_at"].includes(k)));
    t.check("TEP-ROB-001", sameJson(comparable(a), comparable(b)), { code: "different", expected: "the same pairing as created without tep_unknown_parameter", actual: differences(comparable(a), comparable(b)).join("; ") });
  });

  requirementTest(["TEP-ROB-002", "TEP-ROB-003"], "a malformed JSON body answers 400 with Canvas's bad-request body", async (t) => {
    const { answer } = await malformedCreate();
    t.see(answer);
    t.status("TEP-ROB-002", answer, "4xx", "4xx (the body is not JSON)");
    if (t.status("TEP-ROB-003", answer, 400)) {
      const error = (answer.json as { errors?: Array<Record<string, unknown>> } | undefined)?.errors?.[0];
      t.check("TEP-ROB-003", error?.["message"] === BAD_REQUEST.message && error?.["error_code"] === BAD_REQUEST.error_code, { code: "error-body", expected: `{"errors":[${JSON.stringify(BAD_REQUEST)}]}`, actual: `400 with ${shown(answer.json ?? answer.text)}` });
    }
  });

  requirementTest(["TEP-ROB-002"], "a malformed JSON body creates nothing", async (t) => {
    const { before, answer, after } = await malformedCreate();
    const appeared = await appearedPairings(t, before, after);
    t.check("TEP-ROB-002", appeared.length === 0, { code: "created", expected: "no pairing created by the malformed create", actual: `${appeared.length} appeared (${appeared.slice(0, 3).map((p) => `id ${idOf(p)}`).join(", ")})`, response: answer });
  });

  for (const row of ODD_REQUESTS) {
    requirementTest(["TEP-ROB-004"], `${row.label} is not answered with a 5xx`, async (t) => {
      const response = "request" in row ? await t.api(row.request(t.config.accountId)) : await row.shared();
      if (!response) return t.inconclusive(`${row.label} was not sent (DELETE goes only to ids shown absent)`);
      t.see(response);
      t.check("TEP-ROB-004", response.status < 500, { code: "server-error", expected: "an answer below 500", actual: String(response.status) });
    }, { needs: row.needs });
  }

  requirementTest(["TEP-ROB-005"], "list, show, new, create and delete are answered within the per-request timeout", async (t) => {
    // Asked all at once, not one after another: when this test is the first to ask for one of them, awaiting them
    // in turn would chain round trips that do not depend on one another (issue 8, critical path).
    const show = samplePairingId().then((sample) => (sample === undefined ? undefined : sharedShow(sample)), () => undefined);
    const judged = await Promise.allSettled([
      answered(t, "the list", sharedWalk(DEFAULT_LIST)),
      answered(t, "new", sharedNew()),
      answered(t, "show of an unknown pairing", unknownShow()),
      ...(writesAllowed() ? [answered(t, "create", activeCreate()), answered(t, "delete", deletedFixture())] : []),
      answered(t, "show", show),
    ]);
    for (const outcome of judged) if (outcome.status === "rejected") throw outcome.reason;
  });

  requirementTest(["TEP-ROB-006"], "answers carry X-Request-Cost and X-Rate-Limit-Remaining", async (t) => {
    // Answers that did not come are other tests' failures (TEP-ROB-005); the headers are judged on those that did.
    const settled = await Promise.allSettled([sharedWalk(DEFAULT_LIST).then((w) => w.pages[0]), sharedNew(), unknownShow()]);
    const answers = settled.flatMap((s) => (s.status === "fulfilled" && s.value ? [s.value] : []));
    if (answers.length === 0) return t.inconclusive("no answer to look at");
    for (const response of answers) {
      const missing = ["x-request-cost", "x-rate-limit-remaining"].filter((h) => response.headers[h] === undefined);
      t.check("TEP-ROB-006", missing.length === 0, { code: "throttle-headers", expected: "X-Request-Cost and X-Rate-Limit-Remaining headers", actual: `no ${missing.join(", no ")}`, response });
    }
  });
}
