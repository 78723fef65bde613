// List: GET /api/v1/accounts/:account_id/temporary_enrollment_pairings (PUB#method.temporary_enrollment_pairings_api.index,
// canvas-behavior.md §2). Deleted pairings only with a truthy include_deleted, parsed by Canvas::Plugin.value_to_boolean.
import { requirementTest } from "./harness.js";
import { expectListed, expectNoDeleted, expectNotListed, idSet, setDifference } from "./list-checks.js";
import { registerPaginationTests, SMALL_PAGES } from "./list-pagination.js";
import { sameJson, byId, differences, idOf } from "./pairings.js";
import { activePairing, deletedPairing, DEFAULT_LIST, INCLUDE_DELETED_LIST, sharedWalk, stablePredicate, type ListRequest } from "./shared.js";

// lib/canvas/plugin.rb value_to_boolean (canvas-behavior.md §2): yes y true t on 1 in any case are true, and any
// other string is true when its leading integer is non-zero.
const TRUTHY: readonly string[] = ["yes", "y", "true", "t", "on", "1", "YES", "True", "T", "ON", "2", "10"];
// …false for no n false f off 0 and the empty string, and for strings without a non-zero leading integer.
const FALSY: readonly string[] = ["no", "n", "false", "f", "off", "0", "", "abc", "FALSE", "No"];

const shownValue = (value: string) => (value === "" ? '""' : value);
const includeDeleted = (value: string): ListRequest => (value === "true" ? INCLUDE_DELETED_LIST : { query: [["include_deleted", value]] });

export function registerListTests(): void {
  requirementTest(["TEP-LIST-001"], "GET list answers 200 with a JSON array of pairings", async (t) => {
    t.listed("TEP-LIST-001", await sharedWalk(DEFAULT_LIST), { firstPageOnly: true });
  });

  requirementTest(["TEP-LIST-002"], "without include_deleted the list has the active pairings and no deleted one", async (t) => {
    const [active, deleted] = await Promise.all([activePairing(t), deletedPairing(t)]);
    const pairings = t.listed("TEP-LIST-002", await sharedWalk(DEFAULT_LIST));
    expectListed(t, "TEP-LIST-002", pairings, active.id, "active pairing", "active");
    expectNotListed(t, "TEP-LIST-002", pairings, deleted.id, "deleted pairing");
    expectNoDeleted(t, "TEP-LIST-002", pairings);
  });

  for (const value of TRUTHY) {
    const ids = value === "true" ? ["TEP-LIST-003", "TEP-LIST-004"] : ["TEP-LIST-004"];
    requirementTest(ids, `include_deleted=${shownValue(value)} includes deleted pairings`, async (t) => {
      const [active, deleted] = await Promise.all([activePairing(t), deletedPairing(t)]);
      for (const id of ids) {
        if (!t.applies(id)) continue;
        const pairings = t.listed(id, await sharedWalk(includeDeleted(value)));
        expectListed(t, id, pairings, deleted.id, "deleted pairing", "deleted");
        expectListed(t, id, pairings, active.id, "active pairing", "active");
      }
    });
  }

  for (const value of FALSY) {
    const ids = value === "false" ? ["TEP-LIST-005", "TEP-LIST-006"] : ["TEP-LIST-006"];
    requirementTest(ids, `include_deleted=${shownValue(value)} leaves deleted pairings out`, async (t) => {
      const [active, deleted] = await Promise.all([activePairing(t), deletedPairing(t)]);
      for (const id of ids) {
        if (!t.applies(id)) continue;
        const pairings = t.listed(id, await sharedWalk(includeDeleted(value)));
        expectNotListed(t, id, pairings, deleted.id, "deleted pairing");
        expectNoDeleted(t, id, pairings);
        expectListed(t, id, pairings, active.id, "active pairing", "active");
      }
    });
  }

  requirementTest(["TEP-LIST-007"], "a deleted pairing stays listed under its original id with include_deleted=true", async (t) => {
    const deleted = await deletedPairing(t);
    const pairings = t.listed("TEP-LIST-007", await sharedWalk(INCLUDE_DELETED_LIST));
    expectListed(t, "TEP-LIST-007", pairings, deleted.id, "deleted pairing", "deleted");
  });

  requirementTest(["TEP-LIST-008"], "every pairing of the default list is in the include_deleted=true list, unchanged", async (t) => {
    const [plain, all] = await Promise.all([sharedWalk(DEFAULT_LIST), sharedWalk(INCLUDE_DELETED_LIST)]);
    const plainPairings = t.listed("TEP-LIST-008", plain);
    const allById = byId(t.listed("TEP-LIST-008", all));
    // A pairing a concurrent test of this run creates or deletes between the two lists may differ; the rest may not.
    const stable = await stablePredicate();
    for (const pairing of plainPairings) {
      const id = idOf(pairing);
      if (id === undefined || !stable(id)) continue;
      const twin = allById.get(id)?.[0];
      if (!t.check("TEP-LIST-008", twin !== undefined, { code: "missing", expected: `pairing ${id} of the default list also in the include_deleted=true list`, actual: "it is not there", response: all.pages[0] ?? null })) continue;
      t.check("TEP-LIST-008", sameJson(pairing, twin), { code: "representation", expected: `pairing ${id} the same in both lists`, actual: differences(pairing, twin!).join("; "), response: all.pages[0] ?? null });
    }
  });

  requirementTest(["TEP-LIST-012"], "page, per_page and unknown query parameters do not change which pairings are listed", async (t) => {
    const variants: readonly ListRequest[] = [SMALL_PAGES, { query: [["tep_unknown_parameter", "1"]] }];
    const [plain, ...walks] = await Promise.all([sharedWalk(DEFAULT_LIST), ...variants.map((v) => sharedWalk(v))]);
    const stable = await stablePredicate();
    const expected = idSet(t.listed("TEP-LIST-012", plain), stable);
    for (const walk of walks) {
      const actual = idSet(t.listed("TEP-LIST-012", walk), stable);
      const diff = setDifference(expected, actual);
      t.check("TEP-LIST-012", diff === "", { code: "different-list", expected: "the same pairings as without the parameters", actual: diff, response: walk.pages[0] ?? null });
    }
  });

  registerPaginationTests();
}
