// The contract, loaded: the requirement catalog and compiled validators for the generated JSON Schemas.
// No other folder parses YAML or compiles schemas (issue 2): they import from here.
// Validation lives in spec/validators.ts, the generated schema files are listed in spec/schema-files.ts.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { packageRoot } from "../paths.js";

export type { SchemaKind, SchemaFile } from "./schema-files.js";
export { SCHEMA_FILES } from "./schema-files.js";
export { createAjv, formatErrors, schemaPath, unwrapPairing, validatorFor } from "./validators.js";

export type Profile = "canvas" | "documented";
export const PROFILES: readonly Profile[] = ["canvas", "documented"];
export type Level = "MUST" | "SHOULD" | "MAY";
export const LEVELS: readonly Level[] = ["MUST", "SHOULD", "MAY"];
export type Operation = "list" | "show" | "new" | "create" | "delete" | "auth" | "accounts" | "representation" | "errors" | "robustness";
export const OPERATIONS: readonly Operation[] = ["list", "show", "new", "create", "delete", "auth", "accounts", "representation", "errors", "robustness"];
/** Inputs a requirement cannot be checked without. */
export type Need = "write" | "unprivileged-token" | "foreign-pairing-id";

export interface Requirement {
  readonly id: string;
  readonly level: Level;
  readonly profiles: readonly Profile[];
  readonly operation: Operation;
  readonly statement: string;
  readonly source: string;
  readonly needs: readonly Need[];
}

export interface Catalog {
  readonly specVersion: string;
  /** sha256 over spec/openapi.yaml and spec/requirements.yaml, as the report's `spec.sha256`. */
  readonly sha256: string;
  readonly requirements: readonly Requirement[];
  readonly byId: ReadonlyMap<string, Requirement>;
}

export const REQUIREMENT_ID = /^TEP-(LIST|SHOW|NEW|CREATE|DEL|AUTH|ACCT|REP|ERR|ROB)-\d{3}$/;

export function specPath(file: "openapi.yaml" | "requirements.yaml"): string {
  return join(packageRoot(), "spec", file);
}

let catalog: Catalog | undefined;

/** The requirement catalog from spec/requirements.yaml (read once per process). */
export function loadCatalog(): Catalog {
  if (catalog) return catalog;
  const requirementsText = readFileSync(specPath("requirements.yaml"), "utf8");
  const openapiText = readFileSync(specPath("openapi.yaml"), "utf8");
  const doc = parse(requirementsText) as { specVersion: string; requirements: Array<Omit<Requirement, "needs"> & { needs?: Need[] }> };
  const requirements = doc.requirements.map((r) => Object.freeze({ ...r, profiles: Object.freeze([...r.profiles]), needs: Object.freeze([...(r.needs ?? [])]) }));
  const sha256 = createHash("sha256").update(openapiText).update("\0").update(requirementsText).digest("hex");
  catalog = Object.freeze({ specVersion: doc.specVersion, sha256, requirements: Object.freeze(requirements), byId: new Map(requirements.map((r) => [r.id, r])) });
  return catalog;
}
