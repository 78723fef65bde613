// Create: POST /api/v1/accounts/:account_id/temporary_enrollment_pairings (PUB#method.temporary_enrollment_pairings_api.create,
// canvas-behavior.md §2): 201 with the pairing; workflow_state stored as given (default "active");
// ending_enrollment_state "deleted" unless exactly "completed" or "inactive". Parameters in any encoding.
import type { ApiResponse } from "../client/types.js";
import type { Check } from "./check.js";
import { requirementTest } from "./harness.js";
import { expectListed, expectNotListed } from "./list-checks.js";
import { byId, collectionPath, shown } from "./pairings.js";
import { targetConfig } from "./config.js";
import { registerCreateDetailTests } from "./create-details.js";
import type { ListWalk } from "./paginate.js";
import { activeCreate, activePairing, bornDeletedPairing, DEFAULT_LIST, freshWalk, INCLUDE_DELETED_LIST, memo, send, sharedShow, sharedWalk, usableCreate } from "./shared.js";

export type Encoding = "json" | "form" | "multipart" | "query";

/** Create with `params` sent in `encoding`, once per distinct request (the json "inactive" create serves two tables). */
export function createWith(encoding: Encoding, params: Readonly<Record<string, string>>): Promise<ApiResponse> {
  return memo(JSON.stringify(["create", encoding, params]), () => {
    const path = collectionPath(targetConfig().accountId);
    if (encoding === "query") return send({ method: "POST", path, query: params });
    const body = encoding === "json" ? { json: params } : encoding === "form" ? { form: params } : { multipart: params };
    return send({ method: "POST", path, body });
  });
}

/** Where a created pairing is read back from, to tell stored from merely echoed. */
export type ReadBack = { readonly list: () => Promise<ListWalk> } | "show-or-list";

/**
 * The created pairing's column `column` is `value` in create's answer and, with `readBack`, afterwards too (stored,
 * not echoed): in a list walked after the create, or — for a pairing created deleted — with show, falling back to
 * the include_deleted=true list when show does not answer 200 (only the canvas profile shows deleted pairings,
 * TEP-SHOW-002).
 */
export async function expectStored(t: Check, id: string, response: ApiResponse, column: string, value: string, what: string, readBack?: ReadBack): Promise<void> {
  if (!t.status(id, t.see(response), "2xx", "2xx with the created pairing")) return;
  const created = t.pairing(id, response);
  if (!created) return;
  t.check(id, created[column] === value, { code: column, expected: `${column} "${value}" ${what}`, actual: `${column} ${shown(created[column])}`, response });
  if (!readBack) return;
  const pairingId = usableCreate(t, response, "a pairing").id;
  let shownStatus: number | undefined;
  if (readBack === "show-or-list") {
    const shownAnswer = t.see(await sharedShow(pairingId));
    shownStatus = shownAnswer.status;
    if (shownAnswer.status === 200) {
      const stored = t.pairing(id, shownAnswer);
      if (stored) t.check(id, stored[column] === value, { code: column, expected: `${column} "${value}" stored`, actual: `show answers ${column} ${shown(stored[column])}`, response: shownAnswer });
      return;
    }
  }
  const walk = readBack === "show-or-list" ? await sharedWalk(INCLUDE_DELETED_LIST) : await readBack.list();
  const listed = byId(t.listed(id, walk)).get(pairingId)?.[0];
  t.check(id, listed?.[column] === value, {
    code: column,
    expected: `${column} "${value}" stored (read back from the list)`,
    actual: `${shownStatus === undefined ? "" : `show answered ${shownStatus}, and `}the list has ${listed ? `${column} ${shown(listed[column])}` : `no pairing ${pairingId}`}`,
    response: walk.pages[0] ?? null,
  });
}

/** The default list walked once after every create of the ending_enrollment_state table: one read-back for all. */
function tableReadBack(): Promise<ListWalk> {
  return memo("create:table-read-back", async () => {
    await Promise.allSettled(ENDING_STATES.map(({ given }) => createWith("json", { ending_enrollment_state: given })));
    return freshWalk();
  });
}

const FIXTURES_READ_BACK: ReadBack = { list: () => sharedWalk(DEFAULT_LIST) };

// Typed case tables next to their loops (style.md §8).
const ENCODINGS: ReadonlyArray<{ readonly encoding: Encoding; readonly id: string; readonly label: string }> = [
  { encoding: "json", id: "TEP-CREATE-003", label: "an application/json body" },
  { encoding: "form", id: "TEP-CREATE-004", label: "an application/x-www-form-urlencoded body" },
  { encoding: "multipart", id: "TEP-CREATE-005", label: "a multipart/form-data body" },
  { encoding: "query", id: "TEP-CREATE-006", label: "the query string" },
];

// canvas-behavior.md §2: "deleted" unless exactly "completed" or "inactive" (case-sensitive); absent is TEP-CREATE-008.
const ENDING_STATES: ReadonlyArray<{ readonly given: string; readonly stored: string; readonly id: string }> = [
  { given: "deleted", stored: "deleted", id: "TEP-CREATE-009" },
  { given: "completed", stored: "completed", id: "TEP-CREATE-009" },
  { given: "inactive", stored: "inactive", id: "TEP-CREATE-009" },
  { given: "COMPLETED", stored: "deleted", id: "TEP-CREATE-010" },
  { given: "Inactive", stored: "deleted", id: "TEP-CREATE-010" },
  { given: "bogus", stored: "deleted", id: "TEP-CREATE-010" },
  { given: "", stored: "deleted", id: "TEP-CREATE-010" },
];

export function registerCreateTests(): void {
  requirementTest(["TEP-CREATE-001", "TEP-CREATE-002"], "create answers with the created pairing, which has an integer id (201 Created in Canvas)", async (t) => {
    // The shared fixture's answer, whatever it was: this test judges it.
    const active = t.see(await activeCreate());
    t.status("TEP-CREATE-001", active, "2xx", "2xx with the created pairing");
    t.status("TEP-CREATE-002", active, 201, "201 Created");
    if (active.status < 200 || active.status >= 300) return;
    const pairing = t.pairing("TEP-CREATE-001", active);
    if (pairing) t.check("TEP-CREATE-001", Number.isInteger(pairing["id"]), { code: "id", expected: "an integer id", actual: `id ${shown(pairing["id"])}` });
  });

  for (const { encoding, id, label } of ENCODINGS) {
    requirementTest([id], `create reads its parameters from ${label}`, async (t) => {
      // The answer shows whether the encoding was read; storing is the ending_enrollment_state table's matter.
      await expectStored(t, id, await createWith(encoding, { ending_enrollment_state: "inactive" }), "ending_enrollment_state", "inactive", `as sent in ${label}`);
    });
  }

  requirementTest(["TEP-CREATE-007"], "a parameter in both the query string and the body takes the query string's value", async (t) => {
    const response = await t.api({ method: "POST", path: collectionPath(t.config.accountId), query: { ending_enrollment_state: "completed" }, body: { form: { ending_enrollment_state: "inactive" } } });
    if (!t.status("TEP-CREATE-007", response, "2xx", "2xx with the created pairing")) return;
    const pairing = t.pairing("TEP-CREATE-007", response);
    if (pairing) t.check("TEP-CREATE-007", pairing["ending_enrollment_state"] === "completed", { code: "precedence", expected: 'ending_enrollment_state "completed" from the query string (the body said "inactive")', actual: `ending_enrollment_state ${shown(pairing["ending_enrollment_state"])}` });
  });

  requirementTest(["TEP-CREATE-008"], 'without ending_enrollment_state the pairing\'s ending_enrollment_state is "deleted"', async (t) => {
    const active = await activePairing(t);
    await expectStored(t, "TEP-CREATE-008", active.response, "ending_enrollment_state", "deleted", "by default", FIXTURES_READ_BACK);
  });

  for (const { given, stored, id } of ENDING_STATES) {
    requirementTest([id], `ending_enrollment_state=${given === "" ? '""' : given} is stored as "${stored}"`, async (t) => {
      await expectStored(t, id, await createWith("json", { ending_enrollment_state: given }), "ending_enrollment_state", stored, `for ${shown(given)}`, { list: tableReadBack });
    });
  }

  requirementTest(["TEP-CREATE-011"], 'workflow_state defaults to "active" when absent', async (t) => {
    const active = await activePairing(t);
    await expectStored(t, "TEP-CREATE-011", active.response, "workflow_state", "active", "by default", FIXTURES_READ_BACK);
  });

  requirementTest(["TEP-CREATE-011", "TEP-CREATE-012"], 'workflow_state "deleted" is stored as given: an already-deleted pairing', async (t) => {
    const born = await bornDeletedPairing(t);
    await expectStored(t, "TEP-CREATE-011", born.response, "workflow_state", "deleted", "as given", "show-or-list");
    if (!t.applies("TEP-CREATE-012")) return;
    const [plain, all] = await Promise.all([sharedWalk(DEFAULT_LIST), sharedWalk(INCLUDE_DELETED_LIST)]);
    expectNotListed(t, "TEP-CREATE-012", t.listed("TEP-CREATE-012", plain), born.id, "pairing created deleted");
    expectListed(t, "TEP-CREATE-012", t.listed("TEP-CREATE-012", all), born.id, "pairing created deleted", "deleted");
  });

  requirementTest(["TEP-CREATE-014"], "a created active pairing appears in the default list", async (t) => {
    const active = await activePairing(t);
    expectListed(t, "TEP-CREATE-014", t.listed("TEP-CREATE-014", await sharedWalk(DEFAULT_LIST)), active.id, "created pairing", "active");
  });

  registerCreateDetailTests();
}
