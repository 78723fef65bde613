// spec/generated/ is current, deterministic and guarded: `--check` fails, naming the file and the fix, when the spec
// changed without regenerating (issue 2 "Done when", style.md §9).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { packageRoot } from "../../paths.js";
import { bundleSchema, renderGenerated, staleFiles, withoutExtensions } from "../../scripts/generate.js";
import { specPath } from "../../spec/index.js";

const root = packageRoot();
const generatedDir = join(root, "spec", "generated");
const openapiText = readFileSync(specPath("openapi.yaml"), "utf8");
const scratch = mkdtempSync(join(tmpdir(), "tep-generate-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs scripts/generate.ts in a child process, as `npm run check:generated` does. */
function runGenerator(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts", "generate.ts"), ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A copy of the spec and its generated output in a scratch folder; the real files are never edited. */
function copyOfProject(name: string, editSpec: (text: string) => string): { spec: string; out: string } {
  const dir = join(scratch, name);
  const out = join(dir, "generated");
  cpSync(generatedDir, out, { recursive: true });
  const spec = join(dir, "openapi.yaml");
  writeFileSync(spec, editSpec(openapiText));
  return { spec, out };
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
    expect(output).toContain("run `npm run generate`");
  });

  it("`--check` fails when a generated file is missing or left over", () => {
    const { spec, out } = copyOfProject("missing", (text) => text);
    rmSync(join(out, "schemas", "errors.json"));
    writeFileSync(join(out, "schemas", "old.json"), "{}\n");
    expect(staleFiles(new Map([["schemas/errors.json", "{}\n"]]), out).join("\n")).toMatch(/errors\.json is missing[\s\S]*old\.json is no longer generated/);
    expect(runGenerator(["--check", "--spec", spec, "--out", out]).status).toBe(1);
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
