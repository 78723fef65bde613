// Checks about which pairings a list holds, shared by the list, create, delete and lifecycle tests.
import type { Check } from "./check.js";
import { OLDER_RELEASE } from "./check.js";
import { byId, idOf, shown, type Pairing } from "./pairings.js";

/** The pairing `pairingId` is listed exactly once, with `state` when given; returns it. */
export function expectListed(t: Check, id: string, pairings: readonly Pairing[], pairingId: string, what: string, state?: string): Pairing | undefined {
  const found = byId(pairings).get(pairingId) ?? [];
  if (!t.check(id, found.length > 0, { code: "missing", expected: `${what} ${pairingId} in the list`, actual: `a list of ${pairings.length} pairings without it` })) return undefined;
  t.check(id, found.length === 1, { code: "duplicate", expected: `${what} ${pairingId} listed once`, actual: `listed ${found.length} times` });
  const pairing = found[0]!;
  if (state !== undefined) {
    t.check(id, pairing["workflow_state"] === state, { code: "workflow-state", expected: `${what} ${pairingId} listed with workflow_state "${state}"`, actual: `listed with workflow_state ${shown(pairing["workflow_state"])}` });
  }
  return pairing;
}

export function expectNotListed(t: Check, id: string, pairings: readonly Pairing[], pairingId: string, what: string): void {
  const listed = byId(pairings).has(pairingId);
  // canvas-behavior.md §5: releases before include_deleted listed deleted rows always.
  t.check(id, !listed, { code: "listed", expected: `${what} ${pairingId} left out`, actual: "it is listed", hint: OLDER_RELEASE });
}

/** No listed pairing has workflow_state "deleted". */
export function expectNoDeleted(t: Check, id: string, pairings: readonly Pairing[]): void {
  const deleted = pairings.filter((p) => p["workflow_state"] === "deleted").map((p) => idOf(p) ?? "?");
  t.check(id, deleted.length === 0, {
    code: "deleted-listed",
    expected: 'no pairing with workflow_state "deleted"',
    actual: `${deleted.length} listed (${deleted.slice(0, 5).join(", ")}${deleted.length > 5 ? ", …" : ""})`,
    hint: OLDER_RELEASE,
  });
}

/** Ids of the pairings for which `keep` holds, as a set. */
export function idSet(pairings: readonly Pairing[], keep: (id: string) => boolean = () => true): Set<string> {
  return new Set(pairings.map(idOf).filter((id): id is string => id !== undefined && keep(id)));
}

/** "missing 3, 4; extra 9" — how two id sets differ, or "" when equal. */
export function setDifference(expected: ReadonlySet<string>, actual: ReadonlySet<string>): string {
  const missing = [...expected].filter((id) => !actual.has(id));
  const extra = [...actual].filter((id) => !expected.has(id));
  const part = (label: string, ids: string[]) => (ids.length ? `${label} ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ` (+${ids.length - 5})` : ""}` : "");
  return [part("missing", missing), part("extra", extra)].filter(Boolean).join("; ");
}
