// spec/generated/ is current, deterministic and guarded: `--check` fails, naming the file and the fix, when the spec
// changed without regenerating (issue 2 "Done when", style.md §9).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { packageRoot } from "../../paths.js";
import { bundleSchema, renderGenerated, staleFiles, withoutExtensions } from "../../scripts/generate.js";
import { createAjv, formatErrors, loadCatalog, parseCatalog, SCHEMA_FILES, schemaPath, specPath, specSha256 } from "../../spec/index.js";

const root = packageRoot();
const generatedDir = join(root, "spec", "generated");
const openapiText = readFileSync(specPath("openapi.yaml"), "utf8");
const requirementsText = readFileSync(specPath("requirements.yaml"), "utf8");
const scratch = mkdtempSync(join(tmpdir(), "tep-generate-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs scripts/generate.ts in a child process, as `npm run check:generated` does. */
function runGenerator(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts", "generate.ts"), ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A copy of the spec and its generated output in a scratch folder; the real files are never edited. */
function copyOfProject(name: string, editSpec: (text: string) => string, editRequirements: (text: string) => string = (text) => text): { spec: string; requirements: string; out: string } {
  const dir = join(scratch, name);
  const out = join(dir, "generated");
  cpSync(generatedDir, out, { recursive: true });
  const spec = join(dir, "openapi.yaml");
  writeFileSync(spec, editSpec(openapiText));
  const requirements = join(dir, "requirements.yaml");
  writeFileSync(requirements, editRequirements(requirementsText));
  return { spec, requirements, out };
}

describe("generated output", () => {
  it("is current: regenerating spec/openapi.yaml in memory gives the committed files", async () => {
    expect(staleFiles(await renderGenerated(openapiText), generatedDir)).toEqual([]);
  });

  it("is deterministic and every file ends with one newline", async () => {
    const [first, second] = [await renderGenerated(openapiText), await renderGenerated(openapiText)];
    expect([...second.entries()]).toEqual([...first.entries()]);
    for (const [path, content] of first) expect(content.endsWith("\n") && !content.endsWith("\n\n"), path).toBe(true);
    expect(first.get("types.ts")).toMatch(/^\/\/ generated from spec\/openapi\.yaml — do not edit\n/);
  });

  it("`--check` passes on an unmodified copy", () => {
    const { spec, out } = copyOfProject("unmodified", (text) => text);
    const { status, output } = runGenerator(["--check", "--spec", spec, "--out", out]);
    expect(status, output).toBe(0);
  });

  it("`--check` fails after an edit to the spec that was not regenerated, naming the file and the fix", () => {
    const { spec, out } = copyOfProject("edited", (text) => {
      const document = parse(text) as { components: { schemas: { CanvasId: { description: string } } } };
      document.components.schemas.CanvasId.description = "An edited description.";
      return stringify(document);
    });
    const { status, output } = runGenerator(["--check", "--spec", spec, "--out", out]);
    expect(status).toBe(1);
    expect(output).toMatch(/canvas\.pairing\.json is stale/);
    expect(output).toMatch(/types\.ts is stale/);
    expect(output).toMatch(/validators\.cjs is stale/);
    expect(output).toContain("run `npm run generate`");
  });

  it("`--check` fails after an edit to the requirement catalog that was not regenerated", () => {
    const { spec, requirements, out } = copyOfProject("edited-requirements", (text) => text, (text) => text.replace('specVersion: "1.0.0"', 'specVersion: "1.0.1"'));
    const { status, output } = runGenerator(["--check", "--spec", spec, "--requirements", requirements, "--out", out]);
    expect(status).toBe(1);
    expect(output).toMatch(/catalog\.json is stale/);
    expect(output).not.toMatch(/types\.ts is stale/);
  });

  it("`--check` fails when a generated file is missing or left over", () => {
    const { spec, out } = copyOfProject("missing", (text) => text);
    rmSync(join(out, "schemas", "errors.json"));
    writeFileSync(join(out, "schemas", "old.json"), "{}\n");
    expect(staleFiles(new Map([["schemas/errors.json", "{}\n"]]), out).join("\n")).toMatch(/errors\.json is missing[\s\S]*old\.json is no longer generated/);
    expect(runGenerator(["--check", "--spec", spec, "--out", out]).status).toBe(1);
  });
});

describe("precompiled for the run (issue 8)", () => {
  it("catalog.json is spec/requirements.yaml parsed, with the sha256 loadCatalog reports", () => {
    const catalog = loadCatalog();
    const parsed = parseCatalog(openapiText, requirementsText);
    expect(catalog.sha256).toBe(specSha256(openapiText, requirementsText));
    expect(parsed.sha256).toBe(catalog.sha256);
    expect(catalog.specVersion).toBe(parsed.specVersion);
    expect(catalog.requirements.map((r) => ({ ...r, needs: [...r.needs], profiles: [...r.profiles] }))).toEqual(parsed.requirements.map((r) => ({ ...r, needs: [...(r.needs ?? [])], profiles: [...r.profiles] })));
    const generated = JSON.parse(readFileSync(join(generatedDir, "catalog.json"), "utf8")) as { sha256: string; requirements: unknown[] };
    expect(generated.sha256).toBe(catalog.sha256);
    expect(generated.requirements).toEqual(parsed.requirements);
  });

  // Valid and invalid bodies of every shape, so that each schema both accepts and rejects some of them.
  const record = { id: 7, root_account_id: 1, workflow_state: "active", created_at: "2026-01-05T08:00:13Z", updated_at: "2026-01-05T08:00:13Z", created_by_id: 5, deleted_by_id: null, ending_enrollment_state: "deleted" };
  const unsaved = { ...record, id: null, created_at: null, updated_at: null, created_by_id: null, ending_enrollment_state: null };
  const stringIds = { ...record, id: "7", root_account_id: "1", created_by_id: "5" };
  const bad = { ...record, id: "x", created_at: "2026-01-05T08:00:13.5Z", extra: true };
  const wrap = (r: object) => ({ temporary_enrollment_pairing: r });
  const bodies: unknown[] = [null, {}, [], "text", record, unsaved, stringIds, bad, wrap(record), wrap(unsaved), wrap(stringIds), wrap(bad), [record, bad], [wrap(record), wrap(stringIds)], [wrap(bad)], wrap({ ...unsaved, root_account_id: "1" }), { errors: [{ message: "x" }] }, { errors: ["x"] }, { errors: "x" }, { success: false, errors: ["x"] }, { success: true, errors: [] }];

  it.each(SCHEMA_FILES.map((f) => [f.file]))("validators.cjs judges %s exactly as the schema compiled at run time", (file) => {
    const precompiled = (createRequire(import.meta.url)(join(generatedDir, "validators.cjs")) as Record<string, ValidateFunction>)[file];
    expect(precompiled, `validators.cjs has no export "${file}"`).toBeTypeOf("function");
    const compiled = createAjv().compile(JSON.parse(readFileSync(schemaPath(file), "utf8")) as object);
    const verdicts = bodies.map((body) => {
      const [a, b] = [precompiled!(body), compiled(body)];
      expect(formatErrors(precompiled!.errors), JSON.stringify(body)).toEqual(formatErrors(compiled.errors));
      expect(a, JSON.stringify(body)).toBe(b);
      return a;
    });
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });
});

describe("schema bundling", () => {
  it("drops x- extensions but keeps property names that start with x-", () => {
    expect(withoutExtensions({ "x-tep-profiles": ["canvas"], type: "object", properties: { "x-custom": { type: "string", "x-note": 1 } } })).toEqual({
      type: "object",
      properties: { "x-custom": { type: "string" } },
    });
  });

  it("bundles the components a schema reaches under $defs and rewrites their refs", () => {
    const components = { A: { type: "array", items: { $ref: "#/components/schemas/B" }, example: [] }, B: { $ref: "#/components/schemas/C" }, C: { type: "integer" }, D: { type: "string" } };
    expect(bundleSchema(components, "A", "a.json")).toEqual({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $comment: "generated from spec/openapi.yaml — do not edit",
      title: "A",
      type: "array",
      items: { $ref: "#/$defs/B" },
      $defs: { B: { $ref: "#/$defs/C" }, C: { type: "integer" } },
    });
  });

  it("refuses a reference to a component that does not exist", () => {
    expect(() => bundleSchema({ A: { $ref: "#/components/schemas/Missing" } }, "A", "a.json")).toThrow(/components\.schemas\.Missing \(needed by a\.json\) does not exist/);
  });
});
