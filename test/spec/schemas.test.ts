// The generated JSON Schemas compile alone in strict Ajv2020, accept the document's own examples and reject
// hand-written bad bodies; validatorFor and unwrapPairing hand them out per profile.
import { readdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { SCHEMA_FILES, schemaPath, unwrapPairing, validatorFor } from "../../spec/index.js";
import { jsonExamplesOf, readOpenApiDocument } from "./openapi-document.js";

const schemasDir = dirname(schemaPath("errors.json"));
const files = readdirSync(schemasDir).filter((name) => name.endsWith(".json")).sort();

/** A fresh strict Ajv per schema, so each file is shown to compile on its own. */
function compileAlone(file: string): ValidateFunction {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormatsModule.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath(file), "utf8")) as object);
}

const validators = new Map(files.map((file) => [file, compileAlone(file)]));
function validates(file: string, body: unknown): boolean {
  const validate = validators.get(file);
  if (!validate) throw new Error(`no generated schema ${file}`);
  return validate(body) as boolean;
}

const record = {
  id: 7,
  root_account_id: 1,
  workflow_state: "active",
  created_at: "2026-01-05T08:00:13Z",
  updated_at: "2026-01-05T08:00:13Z",
  created_by_id: 5,
  deleted_by_id: null,
  ending_enrollment_state: "deleted",
};
const stringIdRecord = { ...record, id: "7", root_account_id: "1", created_by_id: "5" };
const unsavedRecord = { ...record, id: null, created_at: null, updated_at: null, created_by_id: null, ending_enrollment_state: null };
const { id: _id, ...recordWithoutId } = record;

// Hand-written bodies each schema must reject (given → want), style.md §8.
const mustReject: ReadonlyArray<{ file: string; why: string; body: unknown }> = [
  { file: "canvas.pairing.json", why: "missing id", body: { temporary_enrollment_pairing: recordWithoutId } },
  { file: "canvas.pairing.json", why: "string id without the string-ids Accept header", body: { temporary_enrollment_pairing: { ...record, id: "7" } } },
  { file: "canvas.pairing.json", why: "flat object instead of the root-wrapped envelope", body: record },
  { file: "canvas.pairing.json", why: "extra key beside the wrapper", body: { temporary_enrollment_pairing: record, meta: {} } },
  { file: "canvas.pairing.json", why: "a missing column", body: { temporary_enrollment_pairing: { ...record, ending_enrollment_state: undefined } } },
  { file: "canvas.pairing.json", why: "fractional seconds", body: { temporary_enrollment_pairing: { ...record, created_at: "2026-01-05T08:00:13.123Z" } } },
  { file: "canvas.pairing.json", why: "a date without a time", body: { temporary_enrollment_pairing: { ...record, updated_at: "2026-01-05" } } },
  { file: "canvas.pairing.json", why: "id 0", body: { temporary_enrollment_pairing: { ...record, id: 0 } } },
  { file: "canvas.pairing.json", why: "null workflow_state", body: { temporary_enrollment_pairing: { ...record, workflow_state: null } } },
  { file: "canvas.pairing.json", why: "null id (unsaved)", body: { temporary_enrollment_pairing: unsavedRecord } },
  { file: "canvas.pairing.string-ids.json", why: "integer id with the string-ids Accept header", body: { temporary_enrollment_pairing: record } },
  { file: "canvas.pairing.string-ids.json", why: "non-digit string id", body: { temporary_enrollment_pairing: { ...stringIdRecord, id: "seven" } } },
  { file: "canvas.pairing-list.json", why: "flat items", body: [record] },
  { file: "canvas.pairing-list.json", why: "an object instead of an array", body: { temporary_enrollment_pairing: record } },
  { file: "canvas.pairing-list.json", why: "null (the list bug of older releases)", body: null },
  { file: "canvas.pairing-list.string-ids.json", why: "integer ids", body: [{ temporary_enrollment_pairing: record }] },
  { file: "canvas.new-pairing.json", why: "a saved id", body: { temporary_enrollment_pairing: { ...unsavedRecord, id: 7 } } },
  { file: "canvas.new-pairing.json", why: "null root_account_id", body: { temporary_enrollment_pairing: { ...unsavedRecord, root_account_id: null } } },
  { file: "canvas.new-pairing.json", why: "flat object", body: { id: null, workflow_state: "active" } },
  { file: "canvas.new-pairing.string-ids.json", why: "integer root_account_id", body: { temporary_enrollment_pairing: unsavedRecord } },
  { file: "documented.pairing.json", why: "root-wrapped envelope", body: { temporary_enrollment_pairing: record } },
  { file: "documented.pairing.json", why: "missing id", body: { workflow_state: "active" } },
  { file: "documented.pairing.json", why: "string id without the string-ids Accept header", body: { id: "7", workflow_state: "active" } },
  { file: "documented.pairing.json", why: "missing workflow_state", body: { id: 7 } },
  { file: "documented.pairing.json", why: "numeric workflow_state", body: { id: 7, workflow_state: 1 } },
  { file: "documented.pairing-list.json", why: "root-wrapped items", body: [{ temporary_enrollment_pairing: record }] },
  { file: "documented.new-pairing.json", why: "a saved id", body: { id: 7, workflow_state: "active" } },
  { file: "errors.json", why: "an empty errors array", body: { errors: [] } },
  { file: "errors.json", why: "an error without a message", body: { errors: [{ error_code: "not_found" }] } },
  { file: "errors.json", why: "a bare message", body: { message: "The specified resource does not exist." } },
  { file: "errors.json", why: "a list of strings", body: { errors: ["not found"] } },
  { file: "canvas.validation-errors.json", why: "success true", body: { success: true, errors: [] } },
];

// Bodies each schema must accept beyond the document's examples.
const mustAccept: ReadonlyArray<{ file: string; why: string; body: unknown }> = [
  { file: "canvas.pairing.json", why: "a column added by a later Canvas release", body: { temporary_enrollment_pairing: { ...record, sis_batch_id: null } } },
  { file: "canvas.pairing.json", why: "a non-UTC offset", body: { temporary_enrollment_pairing: { ...record, created_at: "2026-01-05T09:00:13+01:00" } } },
  { file: "documented.pairing.json", why: "Canvas's eight columns, flat", body: record },
  { file: "documented.pairing.json", why: "the published page's example", body: { id: 1, workflow_state: "active" } },
  { file: "errors.json", why: "the unauthenticated body", body: { status: "unauthenticated", errors: [{ message: "user authorization required" }] } },
];

describe("generated JSON Schemas", () => {
  it("are exactly the files spec/schema-files.ts lists, each headed as generated", () => {
    expect(files).toEqual(SCHEMA_FILES.map((f) => f.file).sort());
    for (const file of files) {
      const schema = JSON.parse(readFileSync(schemaPath(file), "utf8")) as Record<string, unknown>;
      expect(schema.$comment, file).toBe("generated from spec/openapi.yaml — do not edit");
      expect(schema.$schema, file).toBe("https://json-schema.org/draft/2020-12/schema");
    }
  });

  it.each(files)("%s compiles alone in strict Ajv2020", (file) => {
    expect(() => compileAlone(file)).not.toThrow();
  });

  const examples = jsonExamplesOf(readOpenApiDocument()).flatMap((example) => example.schemaFiles.map((file) => ({ ...example, file })));
  it.each(examples.map((e) => [e.file, e.where, e.value] as const))("%s accepts the example at %s", (file, _where, value) => {
    const validate = validators.get(file)!;
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it("covers every generated schema with at least one of the document's examples", () => {
    expect(new Set(examples.map((e) => e.file))).toEqual(new Set(files));
  });

  it.each(mustReject.map((c) => [c.file, c.why, c.body] as const))("%s rejects %s", (file, _why, body) => {
    expect(validates(file, body)).toBe(false);
  });

  it.each(mustAccept.map((c) => [c.file, c.why, c.body] as const))("%s accepts %s", (file, _why, body) => {
    expect(validates(file, body), JSON.stringify(validators.get(file)!.errors)).toBe(true);
  });
});

describe("validatorFor", () => {
  it("returns [] for a valid body and readable messages with JSON pointers otherwise", () => {
    const validate = validatorFor("pairing", "canvas");
    expect(validate({ temporary_enrollment_pairing: record })).toEqual([]);
    expect(validate({ temporary_enrollment_pairing: { ...record, id: "7" } })).toEqual(["/temporary_enrollment_pairing/id must be integer"]);
    expect(validate({ temporary_enrollment_pairing: record, meta: 1 })).toEqual(["(root) must NOT have additional properties (meta)"]);
    expect(validatorFor("pairing", "documented")({ workflow_state: "active" })).toEqual(["(root) must have required property 'id'"]);
  });

  it("reports every problem of a body, not only the first", () => {
    expect(validatorFor("pairing", "canvas")({ temporary_enrollment_pairing: { ...record, id: "7", workflow_state: 3 } })).toHaveLength(2);
  });

  // Which body each (kind, profile, stringIds) accepts, so a mix-up of files shows.
  const table: ReadonlyArray<{ kind: Parameters<typeof validatorFor>[0]; profile: "canvas" | "documented"; stringIds: boolean; accepts: unknown; rejects: unknown }> = [
    { kind: "pairing", profile: "canvas", stringIds: false, accepts: { temporary_enrollment_pairing: record }, rejects: { temporary_enrollment_pairing: stringIdRecord } },
    { kind: "pairing", profile: "canvas", stringIds: true, accepts: { temporary_enrollment_pairing: stringIdRecord }, rejects: { temporary_enrollment_pairing: record } },
    { kind: "pairingList", profile: "canvas", stringIds: false, accepts: [{ temporary_enrollment_pairing: record }], rejects: [record] },
    { kind: "pairingList", profile: "canvas", stringIds: true, accepts: [{ temporary_enrollment_pairing: stringIdRecord }], rejects: [{ temporary_enrollment_pairing: record }] },
    { kind: "newPairing", profile: "canvas", stringIds: false, accepts: { temporary_enrollment_pairing: unsavedRecord }, rejects: { temporary_enrollment_pairing: record } },
    { kind: "pairing", profile: "documented", stringIds: false, accepts: record, rejects: { temporary_enrollment_pairing: record } },
    { kind: "pairingList", profile: "documented", stringIds: false, accepts: [record], rejects: [{ temporary_enrollment_pairing: record }] },
    { kind: "newPairing", profile: "documented", stringIds: false, accepts: { id: null, workflow_state: "active" }, rejects: record },
    { kind: "errors", profile: "documented", stringIds: false, accepts: { errors: [{ message: "x" }] }, rejects: { errors: [] } },
  ];
  it.each(table)("$kind in the $profile profile (stringIds=$stringIds) tells good from bad", ({ kind, profile, stringIds, accepts, rejects }) => {
    const validate = validatorFor(kind, profile, { stringIds });
    expect(validate(accepts)).toEqual([]);
    expect(validate(rejects)).not.toEqual([]);
  });

  it("refuses string ids in the documented profile, which the published page does not know", () => {
    expect(() => validatorFor("pairing", "documented", { stringIds: true })).toThrow(/no schema for pairing in the documented profile/);
  });
});

describe("unwrapPairing", () => {
  const table: ReadonlyArray<{ profile: "canvas" | "documented"; body: unknown; want: unknown }> = [
    { profile: "canvas", body: { temporary_enrollment_pairing: record }, want: record },
    { profile: "canvas", body: record, want: undefined },
    { profile: "canvas", body: { temporary_enrollment_pairing: [record] }, want: undefined },
    { profile: "canvas", body: null, want: undefined },
    { profile: "documented", body: record, want: record },
    { profile: "documented", body: [record], want: undefined },
    { profile: "documented", body: "text", want: undefined },
  ];
  it.each(table)("$profile: $body → $want", ({ profile, body, want }) => {
    expect(unwrapPairing(body, profile)).toEqual(want);
  });
});
