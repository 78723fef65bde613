// Validators for the generated JSON Schemas (spec/generated/schemas, built by scripts/generate.ts), by Ajv2020 in
// strict mode with ajv-formats and allErrors, so a report lists every problem of a body, not just the first.
// They are compiled at build time: scripts/generate.ts writes them to spec/generated/validators.cjs as Ajv
// standalone code, so a run neither loads the schema compiler nor spends ~65 ms compiling (issue 8). Ajv itself is
// loaded only by createAjv (tests, the generator) and for a schema file the precompiled module lacks.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import type { Ajv2020, ErrorObject, Options, ValidateFunction } from "ajv/dist/2020.js";
import type addFormatsModule from "ajv-formats";
import { packageRoot } from "../paths.js";
import type { Profile } from "./index.js";
import { schemaFileFor, type SchemaKind } from "./schema-files.js";

// ajv and ajv-formats are CommonJS; required on first use. ajv-formats' module.exports is the plugin.
const require = createRequire(import.meta.url);

/** The precompiled validators, one export per schema file name (scripts/generate.ts, renderValidators). */
export const PRECOMPILED_VALIDATORS = "validators.cjs";

/** The absolute path of a generated schema file, e.g. schemaPath("canvas.pairing.json"). */
export function schemaPath(name: string): string {
  if (basename(name) !== name) throw new Error(`schemaPath: expected a file name from spec/generated/schemas, got ${JSON.stringify(name)}`);
  return join(packageRoot(), "spec", "generated", "schemas", name);
}

/**
 * The Ajv options every consumer of the generated schemas should use (test/spec compiles with these too).
 * `code` is for the generator, which asks for standalone source (`{ source: true }`).
 */
export function createAjv(options: { code?: Options["code"] } = {}): Ajv2020 {
  const { Ajv2020: AjvClass } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = require("ajv-formats") as typeof addFormatsModule.default;
  const ajv = new AjvClass({ strict: true, allErrors: true, ...(options.code ? { code: options.code } : {}) });
  addFormats(ajv);
  return ajv;
}

let ajv: Ajv2020 | undefined;
let precompiled: Readonly<Record<string, ValidateFunction | undefined>> | undefined;
const compiled = new Map<string, ValidateFunction>();

function compiledSchema(file: string): ValidateFunction {
  const cached = compiled.get(file);
  if (cached) return cached;
  if (!precompiled) {
    const module = join(packageRoot(), "spec", "generated", PRECOMPILED_VALIDATORS);
    precompiled = existsSync(module) ? (require(module) as Record<string, ValidateFunction>) : {};
  }
  let validate = precompiled[file];
  if (!validate) {
    ajv ??= createAjv();
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath(file), "utf8")) as object);
  }
  compiled.set(file, validate);
  return validate;
}

/** One readable line per Ajv error: "/temporary_enrollment_pairing/id must be integer". */
export function formatErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  const lines = (errors ?? []).map((error) => {
    const where = error.instancePath === "" ? "(root)" : error.instancePath;
    const detail = error.keyword === "additionalProperties" ? ` (${String(error.params.additionalProperty)})` : "";
    return `${where} ${error.message ?? "is invalid"}${detail}`;
  });
  return [...new Set(lines)];
}

/**
 * A validator for a response body of `kind` in `profile`: returns [] when the body conforms, else one message per
 * problem. `stringIds` selects the schema for Accept application/json+canvas-string-ids (canvas profile only;
 * canvas-behavior.md §1). The error-body schema is the same for both profiles.
 */
export function validatorFor(kind: SchemaKind, profile: Profile, options: { stringIds?: boolean } = {}): (body: unknown) => string[] {
  const stringIds = options.stringIds ?? false;
  const schemaFile = schemaFileFor(kind, profile, stringIds);
  if (!schemaFile) throw new Error(`validatorFor: no schema for ${kind} in the ${profile} profile${stringIds ? " with string ids" : ""}`);
  const validate = compiledSchema(schemaFile.file);
  return (body) => (validate(body) ? [] : formatErrors(validate.errors));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The pairing's columns from a single-pairing body: Canvas root-wraps it under `temporary_enrollment_pairing`
 * (config/initializers/active_record.rb, canvas-behavior.md §1); the documented profile sends it flat.
 * Undefined when the body (or, for canvas, the wrapped value) is not a JSON object.
 */
export function unwrapPairing(body: unknown, profile: Profile): Record<string, unknown> | undefined {
  if (!isPlainObject(body)) return undefined;
  if (profile === "documented") return body;
  const inner = body.temporary_enrollment_pairing;
  return isPlainObject(inner) ? inner : undefined;
}
