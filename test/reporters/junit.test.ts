import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderJunit } from "../../reporters/junit.js";
import type { ConformanceRun } from "../../reporters/model.js";
import { expectGolden } from "./golden.js";
import { HOSTILE_STRIPPED, MARKUP, hostileRun } from "./hostile-run.js";
import { abortedRun, conformantRun, sampleRun } from "./sample-run.js";

interface Outcome { "@_message": string; "@_type"?: string; "#text"?: string }
interface Testcase { "@_classname": string; "@_name": string; "@_time": string; failure?: Outcome; error?: Outcome; skipped?: Outcome }
interface Testsuite { "@_name": string; "@_tests": string; "@_failures": string; "@_errors": string; "@_skipped": string; "@_time": string; properties: { property: Array<{ "@_name": string; "@_value": string }> }; testcase: Testcase[] }
interface Junit { testsuites: { "@_tests": string; "@_failures": string; "@_errors": string; "@_skipped": string; "@_time": string; testsuite: Testsuite[] } }

/** Parses like a standard consumer would, after checking the document is well-formed XML. */
function parse(xml: string): Junit {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => ["testsuite", "testcase", "property"].includes(name), processEntities: true, trimValues: false });
  return parser.parse(xml) as Junit;
}

function allCases(doc: Junit): Testcase[] {
  return doc.testsuites.testsuite.flatMap((s) => s.testcase);
}

describe("renderJunit", () => {
  it("matches the golden junit.xml of the sample run", () => {
    expectGolden("junit.xml", renderJunit(sampleRun()));
  });

  const runs: Record<string, () => ConformanceRun> = { sample: sampleRun, conformant: conformantRun, aborted: abortedRun, hostile: hostileRun };
  for (const [name, run] of Object.entries(runs)) {
    it(`the ${name} run gives well-formed XML whose counts match its testcases and the model`, () => {
      const model = run();
      const doc = parse(renderJunit(model));
      const cases = allCases(doc);
      const count = (pick: (c: Testcase) => unknown) => cases.filter(pick).length;
      const root = doc.testsuites;
      expect(Number(root["@_tests"])).toBe(model.requirements.length);
      expect(cases).toHaveLength(model.requirements.length);
      expect(Number(root["@_failures"])).toBe(count((c) => c.failure));
      expect(Number(root["@_errors"])).toBe(count((c) => c.error));
      expect(Number(root["@_skipped"])).toBe(count((c) => c.skipped));
      expect(Number(root["@_failures"])).toBe(model.summary.failed);
      expect(Number(root["@_errors"])).toBe(model.summary.errored);
      expect(Number(root["@_skipped"])).toBe(model.summary.skipped + model.summary.notApplicable);
      for (const suite of root.testsuite) {
        expect(Number(suite["@_tests"])).toBe(suite.testcase.length);
        expect(Number(suite["@_failures"])).toBe(suite.testcase.filter((c) => c.failure).length);
        expect(Number(suite["@_errors"])).toBe(suite.testcase.filter((c) => c.error).length);
        expect(Number(suite["@_skipped"])).toBe(suite.testcase.filter((c) => c.skipped).length);
        const caseTime = suite.testcase.reduce((sum, c) => sum + Number(c["@_time"]), 0);
        expect(Number(suite["@_time"])).toBeCloseTo(caseTime, 3);
      }
    });
  }

  it("has one testsuite per operation and one testcase per requirement, named by id and statement", () => {
    const doc = parse(renderJunit(sampleRun()));
    expect(doc.testsuites.testsuite.map((s) => s["@_name"])).toEqual(["list", "show", "new", "create", "delete", "auth", "accounts", "representation", "robustness"]);
    const del = allCases(doc).find((c) => c["@_name"].startsWith("[TEP-DEL-001]"));
    expect(del?.["@_classname"]).toBe("tep.delete");
    expect(del?.["@_name"]).toBe('[TEP-DEL-001] DELETE /api/v1/accounts/:account_id/temporary_enrollment_pairings/:id answers 200 with the pairing, whose workflow_state is "deleted".');
    expect(del?.["@_time"]).toBe("0.096");
  });

  it("marks each requirement status with the matching element", () => {
    const cases = allCases(parse(renderJunit(sampleRun())));
    const byId = (id: string) => cases.find((c) => c["@_name"].startsWith(`[${id}]`));
    expect(byId("TEP-LIST-001")).toMatchObject({ "@_classname": "tep.list" });
    expect(Object.keys(byId("TEP-LIST-001") ?? {}).filter((k) => !k.startsWith("@_"))).toEqual([]);

    const failure = byId("TEP-DEL-001")?.failure;
    expect(failure?.["@_message"]).toMatch(/^\[MUST\] DELETE …\/temporary_enrollment_pairings\/1043 → 204/);
    expect(failure?.["@_type"]).toBe("delete-status");
    expect(failure?.["#text"]).toContain('expected: 200 with the pairing, workflow_state "deleted"');
    expect(failure?.["#text"]).toContain("actual:   204 No Content with an empty body");
    expect(failure?.["#text"]).toContain("request:  DELETE https://canvas.example.edu/api/v1/accounts/self/temporary_enrollment_pairings/1043");
    expect(failure?.["#text"]).toContain("curl:     curl -sS -X DELETE 'https://canvas.example.edu/");

    expect(byId("TEP-CREATE-007")?.failure?.["@_message"]).toMatch(/^\[SHOULD, does not affect the verdict\]/);
    expect(byId("TEP-ACCT-001")?.error).toMatchObject({ "@_type": "inconclusive" });
    expect(byId("TEP-ACCT-001")?.error?.["@_message"]).toMatch(/^\[MUST\] could not check: throttled/);
    expect(byId("TEP-SHOW-005")?.skipped).toMatchObject({ "@_message": "needs --foreign-pairing-id" });
    expect(byId("TEP-REP-003")?.skipped).toMatchObject({ "@_message": "not applicable: belongs to profile documented; this run uses profile canvas" });
  });

  it("records profile, target and strictness as properties of every testsuite", () => {
    for (const suite of parse(renderJunit(sampleRun())).testsuites.testsuite) {
      const props = Object.fromEntries(suite.properties.property.map((p) => [p["@_name"], p["@_value"]]));
      expect(props).toMatchObject({ profile: "canvas", target: "https://canvas.example.edu (account self)", strict: "false", verdict: "NOT CONFORMANT", exitCode: "1" });
    }
  });

  it("escapes markup, quotes and ]]> and strips control characters, so hostile text round-trips as text", () => {
    const xml = renderJunit(hostileRun());
    // eslint-disable-next-line no-control-regex -- the assertion is about control characters
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).not.toContain("<script");
    expect(xml).not.toContain("]]>");
    const hostileCase = allCases(parse(xml)).find((c) => c["@_name"].startsWith("[TEP-ROB-004]"));
    expect(hostileCase?.["@_name"]).toBe(`[TEP-ROB-004] No request is answered with a 5xx ${HOSTILE_STRIPPED}`);
    expect(hostileCase?.failure?.["#text"]).toContain(`expected: expected ${HOSTILE_STRIPPED}`);
    expect(hostileCase?.failure?.["#text"]).toContain(MARKUP);
  });
});
