// Generates spec/generated/ from spec/openapi.yaml (issue 2, style.md §9):
//   types.ts         TypeScript types, by openapi-typescript 7;
//   schemas/*.json   standalone JSON Schema 2020-12 files (spec/schema-files.ts), each compiling alone in Ajv2020
//                    strict mode: referenced components bundled under $defs, OpenAPI-only keywords and x- extensions
//                    removed;
//   validators.cjs   those schemas compiled ahead of time (Ajv standalone code, the options of spec/validators.ts
//                    createAjv), so a run does not compile them (issue 8);
//   catalog.json     spec/requirements.yaml as JSON with the sha256 of both spec files, so a run does not parse
//                    YAML (issue 8); spec/index.ts uses it only while that sha256 matches the YAML on disk.
// Usage: tsx scripts/generate.ts [--check] [--spec FILE] [--requirements FILE] [--out DIR]
//   --check  regenerate in memory and exit 1, naming each stale file, when the files on disk differ.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import standaloneCode from "ajv/dist/standalone/index.js";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";
import { packageRoot } from "../paths.js";
import { parseCatalog } from "../spec/index.js";
import { SCHEMA_FILES } from "../spec/schema-files.js";
import { createAjv, PRECOMPILED_VALIDATORS } from "../spec/validators.js";

export const GENERATED_HEADER = "generated from spec/openapi.yaml — do not edit";
const SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";
const COMPONENT_REF = "#/components/schemas/";
/** OpenAPI keywords that are not JSON Schema 2020-12 keywords; Ajv's strict mode rejects unknown keywords. */
const OPENAPI_ONLY_KEYWORDS = new Set(["example", "discriminator", "xml", "externalDocs"]);
/** Maps whose keys are names chosen by the author (property or header names), not keywords to strip. */
const NAME_MAPS = new Set(["properties", "patternProperties", "headers"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A deep copy without `x-` extensions (they are documentation for people and suites, not for tools). */
export function withoutExtensions(value: Json, parentKey = ""): Json {
  if (Array.isArray(value)) return value.map((item) => withoutExtensions(item));
  if (!isObject(value)) return value;
  const keepAll = NAME_MAPS.has(parentKey);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => keepAll || !key.startsWith("x-"))
      .map(([key, child]) => [key, withoutExtensions(child, keepAll ? "" : key)]),
  );
}

/** A component schema as plain JSON Schema: refs point into $defs, OpenAPI-only keywords are gone. */
function toJsonSchema(value: Json, parentKey: string, uses: Set<string>): Json {
  if (Array.isArray(value)) return value.map((item) => toJsonSchema(item, "", uses));
  if (!isObject(value)) return value;
  const inNameMap = NAME_MAPS.has(parentKey);
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (!inNameMap && OPENAPI_ONLY_KEYWORDS.has(key)) continue;
    if (!inNameMap && key === "$ref" && typeof child === "string") {
      if (!child.startsWith(COMPONENT_REF)) throw new Error(`spec/openapi.yaml: schema $ref ${child} does not name a component schema`);
      uses.add(child.slice(COMPONENT_REF.length).split("/")[0] ?? "");
      out[key] = "#/$defs/" + child.slice(COMPONENT_REF.length);
      continue;
    }
    out[key] = toJsonSchema(child, inNameMap ? "" : key, uses);
  }
  return out;
}

/** One standalone schema: the root component with every component it reaches bundled under $defs (sorted). */
export function bundleSchema(components: JsonObject, root: string, file: string): JsonObject {
  const defs = new Map<string, Json>();
  const pending = [root];
  const referenced = new Set<string>();
  let rootSchema: Json | undefined;
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (name === root ? rootSchema !== undefined : defs.has(name)) continue;
    const component = components[name];
    if (component === undefined) throw new Error(`spec/openapi.yaml: components.schemas.${name} (needed by ${file}) does not exist`);
    const uses = new Set<string>();
    const converted = toJsonSchema(withoutExtensions(component), "", uses);
    if (name === root) rootSchema = converted;
    else defs.set(name, converted);
    for (const used of uses) referenced.add(used);
    pending.push(...uses);
  }
  if (referenced.has(root) || !isObject(rootSchema)) throw new Error(`spec/openapi.yaml: ${root} must be an object schema that does not refer to itself`);
  const { title = root, ...rest } = rootSchema;
  const bundled: JsonObject = { $schema: SCHEMA_DIALECT, $comment: GENERATED_HEADER, title, ...rest };
  if (defs.size > 0) bundled.$defs = Object.fromEntries([...defs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return bundled;
}

/**
 * The generated schemas compiled into one CommonJS module, an export per file name (`exports["errors.json"]`):
 * Ajv's standalone code, which requires only Ajv's small runtime helpers and ajv-formats' format table.
 */
export function renderValidators(schemas: ReadonlyMap<string, object>): string {
  const ajv = createAjv({ code: { source: true } });
  const exports: Record<string, string> = {};
  for (const [file, schema] of schemas) {
    ajv.addSchema(schema, file);
    exports[file] = file;
  }
  return `// ${GENERATED_HEADER}\n// The schemas of schemas/ compiled by Ajv (standalone code); loaded by spec/validators.ts.\n${standaloneCode.default(ajv, exports).trimEnd()}\n`;
}

/** spec/requirements.yaml as JSON, with the sha256 that tells spec/index.ts whether it is current. */
export function renderCatalog(openapiText: string, requirementsText: string): string {
  return JSON.stringify({ $comment: `${GENERATED_HEADER} and spec/requirements.yaml`, ...parseCatalog(openapiText, requirementsText) }, null, 2) + "\n";
}

/** Every generated file, keyed by its path relative to the output folder ("types.ts", "schemas/x.json"). */
export async function renderGenerated(openapiText: string, requirementsText = readFileSync(join(packageRoot(), "spec", "requirements.yaml"), "utf8")): Promise<Map<string, string>> {
  const document = parse(openapiText) as JsonObject;
  const clean = withoutExtensions(document) as JsonObject;
  const files = new Map<string, string>();
  const ast = await openapiTS(structuredClone(clean) as unknown as Parameters<typeof openapiTS>[0]);
  files.set("types.ts", `// ${GENERATED_HEADER}\n// Types of spec/openapi.yaml by openapi-typescript; run \`npm run generate\` after editing the spec.\n\n${astToString(ast).trimEnd()}\n`);
  const components = (isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {}) as JsonObject;
  const schemas = new Map<string, object>();
  for (const { file, component } of SCHEMA_FILES) {
    const schema = bundleSchema(components, component, file);
    schemas.set(file, schema);
    files.set(`schemas/${file}`, JSON.stringify(schema, null, 2) + "\n");
  }
  files.set(PRECOMPILED_VALIDATORS, renderValidators(schemas));
  files.set("catalog.json", renderCatalog(openapiText, requirementsText));
  return files;
}

/** Files on disk that are not what `renderGenerated` gives, as messages naming the file and the fix. */
export function staleFiles(expected: ReadonlyMap<string, string>, outDir: string): string[] {
  const shown = (path: string) => relative(process.cwd(), join(outDir, path)) || path;
  const problems: string[] = [];
  for (const [path, content] of expected) {
    const full = join(outDir, path);
    if (!existsSync(full)) problems.push(`${shown(path)} is missing`);
    else if (readFileSync(full, "utf8") !== content) problems.push(`${shown(path)} is stale: it differs from what spec/openapi.yaml generates`);
  }
  for (const path of extraSchemaFiles(expected, outDir)) problems.push(`${shown(path)} is no longer generated`);
  return problems;
}

function extraSchemaFiles(expected: ReadonlyMap<string, string>, outDir: string): string[] {
  const schemasDir = join(outDir, "schemas");
  if (!existsSync(schemasDir)) return [];
  return readdirSync(schemasDir).map((name) => `schemas/${name}`).filter((path) => path.endsWith(".json") && !expected.has(path)).sort();
}

function writeGenerated(expected: ReadonlyMap<string, string>, outDir: string): void {
  for (const path of extraSchemaFiles(expected, outDir)) rmSync(join(outDir, path));
  for (const [path, content] of expected) {
    mkdirSync(join(outDir, path, ".."), { recursive: true });
    writeFileSync(join(outDir, path), content);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { check: { type: "boolean", default: false }, spec: { type: "string" }, requirements: { type: "string" }, out: { type: "string" } } });
  const specFile = resolve(values.spec ?? join(packageRoot(), "spec", "openapi.yaml"));
  const requirementsFile = resolve(values.requirements ?? join(packageRoot(), "spec", "requirements.yaml"));
  const outDir = resolve(values.out ?? join(packageRoot(), "spec", "generated"));
  const expected = await renderGenerated(readFileSync(specFile, "utf8"), readFileSync(requirementsFile, "utf8"));
  if (!values.check) {
    writeGenerated(expected, outDir);
    console.log(`generated ${expected.size} files in ${relative(process.cwd(), outDir) || "."}`);
    return 0;
  }
  const problems = staleFiles(expected, outDir);
  if (problems.length === 0) {
    console.log(`generated files are current (${expected.size} files)`);
    return 0;
  }
  console.error(`Generated files do not match ${relative(process.cwd(), specFile)}:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  console.error("Fix: run `npm run generate` and commit the result.");
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
