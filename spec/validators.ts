// Compiled validators for the generated JSON Schemas (spec/generated/schemas, built by scripts/generate.ts).
// Each schema is compiled once per process, by Ajv2020 in strict mode with ajv-formats and allErrors, so a report
// lists every problem of a body, not just the first.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { packageRoot } from "../paths.js";
import type { Profile } from "./index.js";
import { schemaFileFor, type SchemaKind } from "./schema-files.js";

// ajv-formats is CommonJS: under NodeNext the default import is module.exports, whose `default` is the plugin
// (module.exports.default === module.exports, so this also holds where a loader unwraps `default` itself).
const addFormats = addFormatsModule.default;

/** The absolute path of a generated schema file, e.g. schemaPath("canvas.pairing.json"). */
export function schemaPath(name: string): string {
  if (basename(name) !== name) throw new Error(`schemaPath: expected a file name from spec/generated/schemas, got ${JSON.stringify(name)}`);
  return join(packageRoot(), "spec", "generated", "schemas", name);
}

/** The Ajv options every consumer of the generated schemas should use (test/spec compiles with these too). */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function compiledSchema(file: string): ValidateFunction {
  const cached = compiled.get(file);
  if (cached) return cached;
  ajv ??= createAjv();
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath(file), "utf8")) as object);
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
