// The lifecycle scenario (issue 4): create → show → list → delete → show → list with and without include_deleted →
// delete again, on a pairing of its own, checking at each step what the earlier steps promise.
import { isNoAnswer } from "../client/errors.js";
import type { ApiResponse } from "../client/types.js";
import type { Evidence } from "../reporters/model.js";
import { OLDER_RELEASE, type Check } from "./check.js";
import { requirementTest } from "./harness.js";
import { expectListed, expectNotListed } from "./list-checks.js";
import type { ListWalk } from "./paginate.js";
import { collectionPath, differences, itemPath, sameJson, shown, type Pairing } from "./pairings.js";
import { freshWalk, listChangingDelete, precondition, usableCreate } from "./shared.js";

const IDS = ["TEP-CREATE-013", "TEP-CREATE-014", "TEP-DEL-001", "TEP-DEL-002", "TEP-DEL-003", "TEP-DEL-004", "TEP-LIST-003", "TEP-LIST-007"];

/**
 * One step's answer. A step the server does not answer (timeout, reset) is a finding of the requirements that step
 * checks — a conformant server answers — and the scenario goes on without it.
 */
async function step<T>(t: Check, ids: readonly string[], what: string, pending: Promise<T>): Promise<T | undefined> {
  try {
    return await pending;
  } catch (error) {
    if (!isNoAnswer(error)) throw error;
    const evidence = (error as { evidence?: Evidence }).evidence;
    for (const id of ids) t.check(id, false, { code: (error as { code?: string }).code ?? "no-answer", expected: `an answer to ${what}`, actual: error.message, response: null, ...(evidence ? { evidence } : {}) });
    return undefined;
  }
}

/** The answer is 200 with pairing `id` in workflow_state `state`; returns the pairing. */
function expectPairing(t: Check, requirement: string, response: ApiResponse, id: unknown, state: string, hint?: string): Pairing | undefined {
  if (!t.status(requirement, response, 200, `200 with the pairing, workflow_state "${state}"`, hint)) return undefined;
  const pairing = t.pairing(requirement, response);
  if (!pairing) return undefined;
  t.check(requirement, pairing["id"] === id, { code: "id", expected: `id ${shown(id)}`, actual: `id ${shown(pairing["id"])}`, response });
  t.check(requirement, pairing["workflow_state"] === state, { code: "workflow-state", expected: `workflow_state "${state}"`, actual: `workflow_state ${shown(pairing["workflow_state"])}`, response });
  return pairing;
}

export function registerLifecycleTest(): void {
  requirementTest(IDS, "lifecycle: create → show and list → delete → show, list with and without include_deleted, delete again", async (t) => {
    const account = t.config.accountId;
    // Create and the first delete are judged by their own tests (TEP-CREATE-001, TEP-DEL-001): without them there is no lifecycle.
    const createAnswer = await precondition(t, t.api({ method: "POST", path: collectionPath(account), body: { json: { ending_enrollment_state: "completed" } } }), "create a pairing");
    const created = usableCreate(t, createAnswer, "a pairing");
    const path = itemPath(account, created.id);

    // Reads after a write do not depend on one another: each group is sent together (issue 8, critical path).
    const [shownAnswer, listed] = await Promise.all([
      step(t, ["TEP-CREATE-013"], "show", t.api({ method: "GET", path })),
      step<ListWalk>(t, ["TEP-CREATE-014"], "the list", freshWalk()),
    ]);
    const shownPairing = shownAnswer && expectPairing(t, "TEP-CREATE-013", shownAnswer, created.pairing["id"], "active");
    if (shownPairing) t.check("TEP-CREATE-013", sameJson(shownPairing, created.pairing), { code: "different", expected: "show equal to what create returned", actual: differences(shownPairing, created.pairing).join("; "), response: shownAnswer });
    if (listed) expectListed(t, "TEP-CREATE-014", t.listed("TEP-CREATE-014", listed), created.id, "created pairing", "active");

    const del = await precondition(t, listChangingDelete(() => t.api({ method: "DELETE", path })), "delete the pairing");
    if (del.status < 200 || del.status >= 300) return t.inconclusive(`delete answered ${del.status}, so the rest of the lifecycle cannot be checked`);
    expectPairing(t, "TEP-DEL-001", del, created.pairing["id"], "deleted", del.status === 204 ? OLDER_RELEASE : undefined);

    // Deleting again leaves the pairing deleted, so it may go with the reads that check the first delete.
    const [again, plain, all, second] = await Promise.all([
      t.applies("TEP-DEL-003") ? step(t, ["TEP-DEL-003"], "show after delete", t.api({ method: "GET", path })) : undefined,
      step<ListWalk>(t, ["TEP-DEL-002"], "the list", freshWalk()),
      step<ListWalk>(t, ["TEP-LIST-003", "TEP-LIST-007"], "the include_deleted=true list", freshWalk({ query: [["include_deleted", "true"]] })),
      t.applies("TEP-DEL-004") ? step(t, ["TEP-DEL-004"], "the second delete", t.api({ method: "DELETE", path })) : undefined,
    ]);
    if (again) expectPairing(t, "TEP-DEL-003", again, created.pairing["id"], "deleted");
    if (plain) expectNotListed(t, "TEP-DEL-002", t.listed("TEP-DEL-002", plain), created.id, "deleted pairing");
    if (all) {
      const allPairings = t.listed("TEP-LIST-003", all);
      expectListed(t, "TEP-LIST-003", allPairings, created.id, "deleted pairing", "deleted");
      expectListed(t, "TEP-LIST-007", allPairings, created.id, "deleted pairing", "deleted");
    }
    if (second) expectPairing(t, "TEP-DEL-004", second, created.pairing["id"], "deleted");
  });
}
