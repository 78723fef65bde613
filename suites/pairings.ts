// Small pure helpers about pairings on the wire: paths, ids, representation comparison, timestamps.
import type { Profile } from "../spec/index.js";
import { unwrapPairing } from "../spec/index.js";

/** A pairing's columns as the server sent them (unwrapped for the canvas profile). */
export type Pairing = Readonly<Record<string, unknown>>;

// Ids no server is expected to have: far above any pairing or account id of one shard's local sequence, and
// below Canvas's 10^13 shard boundary (so they are local ids of the domain's shard, not ids of another shard).
export const UNKNOWN_PAIRING_ID = "987654321987";
export const UNKNOWN_ACCOUNT_ID = "987654321987";

export { collectionPath, itemPath } from "../client/paths.js";

/** The id as a string (ids may be JSON integers or, with string ids, digit strings); undefined when absent. */
export function idOf(pairing: Pairing | undefined): string | undefined {
  const id = pairing?.["id"];
  if (typeof id === "number" && Number.isFinite(id)) return String(id);
  if (typeof id === "string" && id !== "") return id;
  return undefined;
}

/** The pairing in a single-pairing body for the profile, or undefined. */
export function pairingOf(body: unknown, profile: Profile): Pairing | undefined {
  return unwrapPairing(body, profile);
}

/** The pairings of list items for the profile; items that are not pairings are left out (validation reports them). */
export function pairingsOf(items: readonly unknown[], profile: Profile): Pairing[] {
  const out: Pairing[] = [];
  for (const item of items) {
    const pairing = unwrapPairing(item, profile);
    if (pairing) out.push(pairing);
  }
  return out;
}

export function byId(pairings: readonly Pairing[]): Map<string, Pairing[]> {
  const map = new Map<string, Pairing[]>();
  for (const p of pairings) {
    const id = idOf(p);
    if (id === undefined) continue;
    map.set(id, [...(map.get(id) ?? []), p]);
  }
  return map;
}

/** JSON text of a value for messages, cut to a readable length. */
export function shown(value: unknown, max = 120): string {
  if (value === undefined) return "absent";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Deep equality of two JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!sameJson(ra[key], rb[key])) return false;
  return true;
}

/** The fields where two pairings differ, for messages: "ending_enrollment_state "deleted" ≠ "completed"". */
export function differences(a: Pairing, b: Pairing): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => !sameJson(a[k], b[k])).map((k) => `${k} ${shown(a[k], 40)} ≠ ${shown(b[k], 40)}`);
}

/**
 * A timestamp at Canvas's precision: whole seconds since the epoch (config/initializers/json.rb sets time precision
 * 0, canvas-behavior.md §1), so two pairings created within one second compare equal. Undefined when unparseable.
 */
export function epochSecond(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** ISO 8601 date-time with second precision and no fraction (canvas-behavior.md §1). */
export const CANVAS_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

/** "key value" for id and every *_id whose value `accept` refuses (canvas-behavior.md §1: integers, or digit strings with string ids). */
export function idProblems(pairing: Pairing, accept: (value: unknown) => boolean): string[] {
  return Object.entries(pairing)
    .filter(([key, value]) => (key === "id" || key.endsWith("_id")) && !accept(value))
    .map(([key, value]) => `${key} ${shown(value, 30)}`);
}
