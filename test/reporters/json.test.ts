import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { renderJson } from "../../reporters/json.js";
import { LEVELS, OPERATIONS, PROFILES, REQUIREMENT_ID } from "../../spec/index.js";
import { packageRoot } from "../../paths.js";
import { expectGolden } from "./golden.js";
import { hostileRun, HOSTILE } from "./hostile-run.js";
import { abortedRun, conformantRun, sampleRun } from "./sample-run.js";

// ajv-formats is CommonJS; under NodeNext its default import is the module object in some toolchains.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

const schema = JSON.parse(readFileSync(join(packageRoot(), "reporters", "report.schema.json"), "utf8"));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function errorsOf(report: unknown): string {
  return validate(report) ? "" : ajv.errorsText(validate.errors);
}

describe("renderJson and report.schema.json", () => {
  const runs = { sample: sampleRun, conformant: conformantRun, aborted: abortedRun, hostile: hostileRun };
  for (const [name, run] of Object.entries(runs)) {
    it(`the ${name} run's report.json validates against the schema (Ajv 2020, strict)`, () => {
      expect(errorsOf(JSON.parse(renderJson(run())))).toBe("");
    });
  }

  it("matches the golden report.json of the sample run", () => {
    expectGolden("report.json", renderJson(sampleRun()));
  });

  it("is pretty-printed with a trailing newline and keeps issue 4's key order", () => {
    const text = renderJson(sampleRun());
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "tool": {');
    expect(Object.keys(JSON.parse(text))).toEqual([
      "tool", "spec", "target", "profile", "strict", "readOnly", "insecure", "startedAt", "durationMs", "conformant", "exitCode",
      "summary", "requirements", "footprint", "requests", "warnings",
    ]);
    const report = JSON.parse(text);
    expect(Object.keys(report.summary)).toEqual(["total", "passed", "failed", "skipped", "errored", "notApplicable", "byLevel"]);
    expect(Object.keys(report.requirements[1])).toEqual(["id", "level", "operation", "statement", "source", "status", "tests"]);
    expect(Object.keys(report.requirements[1].tests[0])).toEqual(["title", "status", "durationMs", "message", "finding", "evidence", "curl"]);
  });

  it("carries abortReason only when the run could not complete", () => {
    expect(JSON.parse(renderJson(sampleRun()))).not.toHaveProperty("abortReason");
    expect(JSON.parse(renderJson(abortedRun())).abortReason).toMatch(/refused connections/);
  });

  it("keeps hostile strings intact: JSON escapes what it must and loses nothing", () => {
    const report = JSON.parse(renderJson(hostileRun()));
    const requirement = report.requirements.find((r: { id: string }) => r.id === "TEP-ROB-004");
    expect(requirement.statement).toBe(`No request is answered with a 5xx ${HOSTILE}`);
    expect(requirement.tests[0].evidence.response.body).toContain(HOSTILE);
  });

  // The report is mutated as loose JSON on purpose: these are shapes the types would not allow.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const broken: Array<{ given: string; mutate: (r: Record<string, any>) => void; want: RegExp }> = [
    { given: "a missing required field", mutate: (r) => delete r.summary, want: /must have required property 'summary'/ },
    { given: "an unknown top-level field", mutate: (r) => (r.extra = 1), want: /must NOT have additional properties/ },
    { given: "an unknown requirement status", mutate: (r) => (r.requirements[0].status = "warning"), want: /must be equal to one of the allowed values/ },
    { given: "a malformed requirement id", mutate: (r) => (r.requirements[0].id = "LIST-1"), want: /must match pattern/ },
    { given: "a non-date startedAt", mutate: (r) => (r.startedAt = "yesterday"), want: /must match format "date-time"/ },
    { given: "conformant with exit code 1", mutate: (r) => (r.conformant = true), want: /must be equal to constant/ },
    { given: "a negative count", mutate: (r) => (r.summary.byLevel.MUST.failed = -1), want: /must be >= 0/ },
    { given: "a test without a title", mutate: (r) => delete r.requirements[0].tests[0].title, want: /must have required property 'title'/ },
  ];
  for (const { given, mutate, want } of broken) {
    it(`the schema rejects ${given}`, () => {
      const report = JSON.parse(renderJson(sampleRun()));
      mutate(report);
      expect(errorsOf(report)).toMatch(want);
    });
  }

  it("the schema's enums and id pattern agree with the catalog's (spec/index.ts)", () => {
    expect(schema.$defs.level.enum).toEqual([...LEVELS]);
    expect(schema.$defs.operation.enum).toEqual([...OPERATIONS]);
    expect(schema.$defs.profile.enum).toEqual([...PROFILES]);
    expect(schema.$defs.requirement.properties.id.pattern).toBe(REQUIREMENT_ID.source.replace("\\d", "[0-9]"));
  });
});
