// New: GET /api/v1/accounts/:account_id/temporary_enrollment_pairings/new (PUB#method.temporary_enrollment_pairings_api.new,
// canvas-behavior.md §2): an unsaved pairing, id and timestamps null, workflow_state "active"; nothing persisted;
// routed before show (config/routes.rb).
import type { Check } from "./check.js";
import { runClient } from "./client.js";
import { requirementTest } from "./harness.js";
import { collectionPath, idOf, pairingOf, shown, type Pairing } from "./pairings.js";
import { appearedPairings, settle } from "./refusals.js";
import { freshWalk, sharedNew } from "./shared.js";

// The columns of an unsaved TemporaryEnrollmentPairing.new that only saving fills in (canvas-behavior.md §2).
const NULL_COLUMNS: readonly string[] = ["created_at", "updated_at", "created_by_id", "deleted_by_id", "ending_enrollment_state"];

/** new's pairing, for tests that judge its content; errored when new did not answer one (TEP-NEW-001 judges that). */
async function newPairing(t: Check): Promise<Pairing> {
  const response = t.see(await sharedNew());
  const pairing = pairingOf(response.json, t.profile);
  if (response.status !== 200 || !pairing) return t.inconclusive(`new answered ${response.status}${pairing ? "" : " without a pairing"} (TEP-NEW-001)`);
  return pairing;
}

export function registerNewTests(): void {
  requirementTest(["TEP-NEW-001"], "GET new answers 200 with a pairing object", async (t) => {
    const response = t.see(await sharedNew());
    if (t.status("TEP-NEW-001", response, 200, "200 with an unsaved pairing")) t.pairing("TEP-NEW-001", response, "newPairing");
  });

  requirementTest(["TEP-NEW-002"], "the pairing new returns has a null id", async (t) => {
    const pairing = await newPairing(t);
    t.check("TEP-NEW-002", "id" in pairing && pairing["id"] === null, { code: "id", expected: "id null", actual: `id ${shown(pairing["id"])}` });
  });

  requirementTest(["TEP-NEW-003"], 'the pairing new returns has workflow_state "active"', async (t) => {
    const pairing = await newPairing(t);
    t.check("TEP-NEW-003", pairing["workflow_state"] === "active", { code: "workflow-state", expected: 'workflow_state "active"', actual: `workflow_state ${shown(pairing["workflow_state"])}` });
  });

  requirementTest(["TEP-NEW-004"], "the pairing new returns has null timestamps, creator, deleter and ending state, and a root account", async (t) => {
    const pairing = await newPairing(t);
    for (const column of NULL_COLUMNS) {
      t.check("TEP-NEW-004", column in pairing && pairing[column] === null, { code: "not-null", expected: `${column} null`, actual: `${column} ${shown(pairing[column])}` });
    }
    const root = pairing["root_account_id"];
    t.check("TEP-NEW-004", root !== null && root !== undefined, { code: "root-account", expected: "a root_account_id", actual: `root_account_id ${shown(root)}` });
  });

  requirementTest(["TEP-NEW-006"], 'the path segment "new" is routed to new, not to show', async (t) => {
    const response = t.see(await sharedNew());
    t.check("TEP-NEW-006", response.status !== 404, { code: "status", expected: "200 with an unsaved pairing, not show's 404", actual: "404" });
    const pairing = pairingOf(response.json, t.profile);
    if (response.status >= 200 && response.status < 300 && pairing) {
      t.check("TEP-NEW-006", pairing["id"] === null || pairing["id"] === undefined, { code: "stored-pairing", expected: "an unsaved pairing (id null)", actual: `a pairing with id ${shown(pairing["id"])}` });
    }
  });
}

/** TEP-NEW-005: three sequential round trips of its own, so the entry file registers it among the first (issue 8). */
export function registerNewPersistenceTest(): void {
  requirementTest(["TEP-NEW-005"], "calling new persists no pairing", async (t) => {
    const before = await settle(freshWalk({ query: [["include_deleted", "true"]] }));
    const response = await t.api({ method: "GET", path: `${collectionPath(t.config.accountId)}/new` });
    await runClient().settleWrites();
    const after = await settle(freshWalk({ query: [["include_deleted", "true"]] }));
    const appeared = await appearedPairings(t, before, after);
    t.check("TEP-NEW-005", appeared.length === 0, {
      code: "persisted",
      expected: "no new pairing in the include_deleted=true list after new",
      actual: `${appeared.length} appeared (${appeared.slice(0, 3).map((p) => `id ${idOf(p)}`).join(", ")})`,
      response,
    });
  });
}
