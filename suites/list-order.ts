// TEP-LIST-009: the list is ordered by created_at ascending (index: order(:created_at), canvas-behavior.md §2).
// created_at has second precision and there is no tiebreaker, so two pairings of one second may come in any order:
// the test makes a pairing in a later second than the shared active one, so that their order is defined.
import { setTimeout as sleep } from "node:timers/promises";
import type { Check } from "./check.js";
import { requirementTest } from "./harness.js";
import { expectListed } from "./list-checks.js";
import { collectionPath, epochSecond, idOf, shown, type Pairing } from "./pairings.js";
import { activePairing, freshWalk, INCLUDE_DELETED_LIST, sharedWalk, usableCreate, type Created } from "./shared.js";

const ID = "TEP-LIST-009";
const ATTEMPTS = 3;

/** A pairing whose created_at is in a later second than `secondOfFirst`; errored when created_at never advances. */
async function pairingInALaterSecond(t: Check, secondOfFirst: number): Promise<Created> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // created_at has whole seconds, so a pairing made in the same second as the first is retried a second later.
    if (attempt > 0) await sleep(1000);
    const created = usableCreate(t, await t.api({ method: "POST", path: collectionPath(t.config.accountId), body: { json: {} } }), "a second pairing");
    const second = epochSecond(created.pairing["created_at"]);
    if (second !== undefined && second > secondOfFirst) return created;
  }
  return t.inconclusive(`could not create a pairing in a later second than another: created_at did not advance in ${ATTEMPTS} attempts`);
}

/** Every pairing's created_at is no earlier (to the second) than the one listed before it. */
function expectAscending(t: Check, pairings: readonly Pairing[], label: string): void {
  for (let i = 1; i < pairings.length; i++) {
    const before = pairings[i - 1]!;
    const after = pairings[i]!;
    const a = epochSecond(before["created_at"]);
    const b = epochSecond(after["created_at"]);
    if (a === undefined || b === undefined) continue;
    const ok = t.check(ID, b >= a, {
      code: "order",
      expected: `${label} ordered by created_at ascending`,
      actual: `pairing ${idOf(after)} (created_at ${shown(after["created_at"])}) listed after ${idOf(before)} (created_at ${shown(before["created_at"])})`,
    });
    if (!ok) return;
  }
}

export function registerListOrderTest(): void {
  requirementTest([ID], "the list is ordered by created_at ascending", async (t) => {
    // The include_deleted=true list is compared at the end but asked for now: nothing here changes its order, and
    // asked after this test's own three round trips it would chain a fourth onto them (issue 8, critical path).
    const all = sharedWalk(INCLUDE_DELETED_LIST);
    all.catch(() => undefined); // awaited below; this only keeps it handled if an earlier step throws
    const first = await activePairing(t);
    const secondOfFirst = epochSecond(first.pairing["created_at"]);
    if (secondOfFirst === undefined) return t.inconclusive(`the created pairing has no created_at to order by (${shown(first.pairing["created_at"])})`);
    const later = await pairingInALaterSecond(t, secondOfFirst);
    const walk = await freshWalk();
    const pairings = t.listed(ID, walk);
    expectListed(t, ID, pairings, first.id, "pairing");
    expectListed(t, ID, pairings, later.id, "pairing");
    const ids = pairings.map(idOf);
    const [i, j] = [ids.indexOf(first.id), ids.indexOf(later.id)];
    if (i >= 0 && j >= 0) {
      t.check(ID, i < j, {
        code: "order",
        expected: `pairing ${first.id} (created_at ${shown(first.pairing["created_at"])}) before ${later.id} (created_at ${shown(later.pairing["created_at"])})`,
        actual: `${later.id} listed at position ${j + 1}, ${first.id} at ${i + 1}`,
      });
    }
    expectAscending(t, pairings, "the default list");
    expectAscending(t, t.listed(ID, await all), "the include_deleted=true list");
  });
}
