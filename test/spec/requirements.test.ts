// spec/requirements.yaml is a well-formed catalog: stable, unique ids; one level, profiles, operation, statement and
// source per entry; every operation covered (issue 2, style.md §1).
import { describe, expect, it } from "vitest";
import { LEVELS, OPERATIONS, PROFILES, REQUIREMENT_ID, loadCatalog, type Operation } from "../../spec/index.js";

const { requirements, byId } = loadCatalog();

/** The id's area names its operation: TEP-DEL-002 is a delete requirement. */
const AREA_OF_OPERATION: Record<Operation, string> = {
  list: "LIST",
  show: "SHOW",
  new: "NEW",
  create: "CREATE",
  delete: "DEL",
  auth: "AUTH",
  accounts: "ACCT",
  representation: "REP",
  errors: "ERR",
  robustness: "ROB",
};
/** The anchors of the published page (../shared/docs/published-api.md). */
const PUBLISHED_ANCHORS = new Set([
  "temporaryenrollmentpairing",
  "method.temporary_enrollment_pairings_api.index",
  "method.temporary_enrollment_pairings_api.show",
  "method.temporary_enrollment_pairings_api.new",
  "method.temporary_enrollment_pairings_api.create",
  "method.temporary_enrollment_pairings_api.destroy",
]);
const NEEDS = new Set(["write", "unprivileged-token", "foreign-pairing-id"]);

describe("spec/requirements.yaml", () => {
  it("has at least 45 requirements", () => {
    expect(requirements.length).toBeGreaterThanOrEqual(45);
  });

  it("has unique ids, each matching REQUIREMENT_ID", () => {
    expect(byId.size).toBe(requirements.length);
    for (const { id } of requirements) expect(id).toMatch(REQUIREMENT_ID);
  });

  it.each(requirements.map((r) => [r.id, r] as const))("%s has a level, profiles, operation, statement and source", (_id, r) => {
    expect(LEVELS).toContain(r.level);
    expect(r.profiles.length).toBeGreaterThan(0);
    for (const profile of r.profiles) expect(PROFILES).toContain(profile);
    expect(new Set(r.profiles).size).toBe(r.profiles.length);
    expect(OPERATIONS).toContain(r.operation);
    expect(r.id.split("-")[1]).toBe(AREA_OF_OPERATION[r.operation]);
    expect(r.statement.trim()).toMatch(/^\S.*\S$/s);
    expect(r.statement.trim()).toMatch(/[.)]$/);
    expect(r.source).toMatch(/^(PUB#|CANVAS:)\S/);
    if (r.source.startsWith("PUB#")) expect(PUBLISHED_ANCHORS).toContain(r.source.slice(4));
    for (const need of r.needs) expect(NEEDS).toContain(need);
  });

  it.each(OPERATIONS.map((op) => [op]))("has requirements for %s", (operation) => {
    expect(requirements.filter((r) => r.operation === operation).length).toBeGreaterThanOrEqual(1);
  });

  it("numbers each area from 001 without gaps", () => {
    for (const area of Object.values(AREA_OF_OPERATION)) {
      const numbers = requirements.filter((r) => r.id.startsWith(`TEP-${area}-`)).map((r) => Number(r.id.slice(-3)));
      expect(numbers, area).toEqual(numbers.map((_, i) => i + 1));
    }
  });
});
