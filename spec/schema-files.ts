// The generated JSON Schema files and the component of spec/openapi.yaml each one is built from.
// The file names are part of the package's API (`tep-conformance/spec/schemas/*`): never rename one.
// Read by scripts/generate.ts (what to write) and spec/validators.ts (which file validates what).
import type { Profile } from "./index.js";

/** The response shapes a suite validates: one pairing (show, create, delete), the list, new's unsaved pairing, errors. */
export type SchemaKind = "pairing" | "pairingList" | "newPairing" | "errors";

export interface SchemaFile {
  /** File name in spec/generated/schemas/. */
  readonly file: string;
  /** The root: a key of `components.schemas` in spec/openapi.yaml. */
  readonly component: string;
  /** How validatorFor finds it; absent for files only reachable by name (schemaPath). */
  readonly kind?: SchemaKind;
  /** Absent for profile-independent files (the error bodies). */
  readonly profile?: Profile;
  /** Ids as digit strings, for Accept application/json+canvas-string-ids (canvas-behavior.md §1). */
  readonly stringIds: boolean;
}

export const SCHEMA_FILES: readonly SchemaFile[] = [
  { file: "canvas.pairing.json", component: "WrappedTemporaryEnrollmentPairing", kind: "pairing", profile: "canvas", stringIds: false },
  { file: "canvas.pairing-list.json", component: "WrappedTemporaryEnrollmentPairingList", kind: "pairingList", profile: "canvas", stringIds: false },
  { file: "canvas.new-pairing.json", component: "WrappedUnsavedTemporaryEnrollmentPairing", kind: "newPairing", profile: "canvas", stringIds: false },
  { file: "canvas.pairing.string-ids.json", component: "WrappedTemporaryEnrollmentPairingStringIds", kind: "pairing", profile: "canvas", stringIds: true },
  { file: "canvas.pairing-list.string-ids.json", component: "WrappedTemporaryEnrollmentPairingListStringIds", kind: "pairingList", profile: "canvas", stringIds: true },
  { file: "canvas.new-pairing.string-ids.json", component: "WrappedUnsavedTemporaryEnrollmentPairingStringIds", kind: "newPairing", profile: "canvas", stringIds: true },
  { file: "documented.pairing.json", component: "TemporaryEnrollmentPairing", kind: "pairing", profile: "documented", stringIds: false },
  { file: "documented.pairing-list.json", component: "TemporaryEnrollmentPairingList", kind: "pairingList", profile: "documented", stringIds: false },
  { file: "documented.new-pairing.json", component: "UnsavedTemporaryEnrollmentPairing", kind: "newPairing", profile: "documented", stringIds: false },
  { file: "errors.json", component: "ErrorsBody", kind: "errors", stringIds: false },
  // Create's 422 body is a list of strings (errors.full_messages), unlike every other error body.
  { file: "canvas.validation-errors.json", component: "ValidationErrorsBody", profile: "canvas", stringIds: false },
];

/** The file that validates `kind` in `profile`; undefined when there is none (string ids in the documented profile). */
export function schemaFileFor(kind: SchemaKind, profile: Profile, stringIds: boolean): SchemaFile | undefined {
  if (kind === "errors") return SCHEMA_FILES.find((f) => f.kind === "errors");
  return SCHEMA_FILES.find((f) => f.kind === kind && f.profile === profile && f.stringIds === stringIds);
}
