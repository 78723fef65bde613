// The contract, loaded: the requirement catalog and compiled validators for the generated JSON Schemas.
// No other folder parses YAML or compiles schemas (issue 2): they import from here.
// Validation lives in spec/validators.ts, the generated schema files are listed in spec/schema-files.ts.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
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

/** The catalog's content as spec/generated/catalog.json stores it (scripts/generate.ts writes it). */
export interface CatalogData {
  readonly specVersion: string;
  readonly sha256: string;
  readonly requirements: ReadonlyArray<Omit<Requirement, "needs"> & { readonly needs?: readonly Need[] }>;
}

/** The report's `spec.sha256`: sha256 over spec/openapi.yaml, a NUL byte and spec/requirements.yaml. */
export function specSha256(openapiText: string, requirementsText: string): string {
  return createHash("sha256").update(openapiText).update("\0").update(requirementsText).digest("hex");
}

/** Parses spec/requirements.yaml. The YAML parser is loaded only here (issue 8: a run reads the generated JSON). */
export function parseCatalog(openapiText: string, requirementsText: string): CatalogData {
  const { parse } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  const doc = parse(requirementsText) as { specVersion: string; requirements: CatalogData["requirements"] };
  return { specVersion: doc.specVersion, sha256: specSha256(openapiText, requirementsText), requirements: doc.requirements };
}

/**
 * spec/generated/catalog.json when it was generated from these very YAML texts (same sha256), else undefined.
 * Parsing the YAML costs ~30–60 ms per process on the start-up path of the CLI and of the suite worker (issue 8);
 * `npm run check:generated` keeps the JSON current, and a stale one is simply not used.
 */
function generatedCatalog(sha256: string): CatalogData | undefined {
  const file = join(packageRoot(), "spec", "generated", "catalog.json");
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, "utf8")) as CatalogData;
  return data.sha256 === sha256 ? data : undefined;
}

let catalog: Catalog | undefined;

/** The requirement catalog from spec/requirements.yaml (read once per process). */
export function loadCatalog(): Catalog {
  if (catalog) return catalog;
  const requirementsText = readFileSync(specPath("requirements.yaml"), "utf8");
  const openapiText = readFileSync(specPath("openapi.yaml"), "utf8");
  const doc = generatedCatalog(specSha256(openapiText, requirementsText)) ?? parseCatalog(openapiText, requirementsText);
  const requirements = doc.requirements.map((r) => Object.freeze({ ...r, profiles: Object.freeze([...r.profiles]), needs: Object.freeze([...(r.needs ?? [])]) }));
  catalog = Object.freeze({ specVersion: doc.specVersion, sha256: doc.sha256, requirements: Object.freeze(requirements), byId: new Map(requirements.map((r) => [r.id, r])) });
  return catalog;
}
