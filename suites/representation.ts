// Representation (canvas-behavior.md §1, §6): canvas sends every pairing root-wrapped with its eight columns and
// integer ids (digit strings with Accept application/json+canvas-string-ids), timestamps to the second; the
// documented profile a flat object with an integer id and a string workflow_state (PUB#temporaryenrollmentpairing).
import type { Need } from "../spec/index.js";
import { requirementTest } from "./harness.js";
import { CANVAS_TIMESTAMP, idOf, idProblems, shown } from "./pairings.js";
import { allPairings, singleAnswer, type SingleSource } from "./representation-sources.js";
import { registerContentTests } from "./content.js";
import { DEFAULT_LIST, INCLUDE_DELETED_LIST, sharedWalk } from "./shared.js";

const SINGLE_CASES: ReadonlyArray<{ readonly source: SingleSource; readonly ids: readonly string[]; readonly needs: readonly Need[] }> = [
  { source: "create", ids: ["TEP-REP-001", "TEP-REP-003"], needs: ["write"] },
  { source: "show", ids: ["TEP-REP-001", "TEP-REP-003"], needs: [] },
  { source: "delete", ids: ["TEP-REP-001", "TEP-REP-003"], needs: ["write"] },
  // new's id is null, so only canvas's envelope-and-columns rule (TEP-REP-001) speaks about it.
  { source: "new", ids: ["TEP-REP-001"], needs: [] },
];

export function registerRepresentationTests(): void {
  for (const { source, ids, needs } of SINGLE_CASES) {
    requirementTest(ids, `${source} answers a pairing in the profile's representation`, async (t) => {
      const response = await singleAnswer(t, source);
      const id = t.applies("TEP-REP-001") ? "TEP-REP-001" : "TEP-REP-003";
      t.validate(id, source === "new" ? "newPairing" : "pairing", response);
    }, { needs });
  }

  requirementTest(["TEP-REP-002", "TEP-REP-003"], "list items are pairings in the profile's representation", async (t) => {
    const id = t.applies("TEP-REP-002") ? "TEP-REP-002" : "TEP-REP-003";
    for (const walk of await Promise.all([sharedWalk(DEFAULT_LIST), sharedWalk(INCLUDE_DELETED_LIST)])) t.listed(id, walk);
  });

  requirementTest(["TEP-REP-004"], "without the string-ids Accept header, id and every *_id are JSON integers or null", async (t) => {
    for (const { pairing, response } of await allPairings(t)) {
      const problems = idProblems(pairing, (v) => v === null || (typeof v === "number" && Number.isInteger(v)));
      if (!t.check("TEP-REP-004", problems.length === 0, { code: "id-type", expected: "ids as JSON integers (or null)", actual: `pairing ${shown(idOf(pairing) ?? pairing["id"])}: ${problems.join(", ")}`, response })) break;
    }
  });

  requirementTest(["TEP-REP-007"], "timestamps are ISO 8601 with second precision and no fraction", async (t) => {
    for (const { pairing, response } of await allPairings(t)) {
      const bad = ["created_at", "updated_at"].filter((k) => pairing[k] !== null && pairing[k] !== undefined && !(typeof pairing[k] === "string" && CANVAS_TIMESTAMP.test(pairing[k])));
      if (!t.check("TEP-REP-007", bad.length === 0, { code: "timestamp", expected: "timestamps like 2026-01-05T08:00:13Z", actual: bad.map((k) => `${k} ${shown(pairing[k])}`).join(", "), response })) break;
    }
  });

  registerContentTests();
}
