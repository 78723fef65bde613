// How a conformance test is declared: `requirementTest(ids, title, body)`. The title starts with the bracketed ids
// that apply to the active profile (suites/meta.ts, style.md §1–2); the test is skipped with a reason when an input
// it needs is missing (issue 4, "skipped with the reason, never silently passed"); the body gets a Check, whose
// findings travel to the reporter adapter in the task meta `tep`.
import { test } from "vitest";
import { runWithDepth } from "../client/critical-path.js";
import type { TargetConfig } from "../client/types.js";
import { loadCatalog, type Need } from "../spec/index.js";
import { Check, FindingsError } from "./check.js";
import { targetConfig } from "./config.js";
import type { TepTaskMeta } from "./meta.js";

export interface RequirementTestOptions {
  /** Inputs needed beyond the catalog's `needs` of the ids (e.g. "write" for a create row of an auth table). */
  readonly needs?: readonly Need[];
}

/** The exact skip reasons the reports show (issue 4, issue 7). */
export const SKIP_READ_ONLY = "read-only";
export const SKIP_NO_UNPRIVILEGED = "needs --unprivileged-token";
export const SKIP_NO_FOREIGN = "needs --foreign-pairing-id";
export const SKIP_NOT_SELECTED = "not selected by --only";

/** Why a test of these (applicable) ids cannot run with this configuration, or undefined when it can. */
export function skipReason(ids: readonly string[], extraNeeds: readonly Need[], config: TargetConfig): string | undefined {
  const catalog = loadCatalog();
  const requirements = ids.map((id) => catalog.byId.get(id)!);
  if (config.only && !requirements.some((r) => config.only!.includes(r.operation))) return SKIP_NOT_SELECTED;
  const needs = new Set<Need>([...extraNeeds, ...requirements.flatMap((r) => r.needs)]);
  if (needs.has("write") && config.readOnly) return SKIP_READ_ONLY;
  if (needs.has("unprivileged-token") && !config.unprivilegedToken) return SKIP_NO_UNPRIVILEGED;
  if (needs.has("foreign-pairing-id") && !config.foreignPairingId) return SKIP_NO_FOREIGN;
  return undefined;
}

/** The ids of `ids` that apply to the active profile; a test of none of them is not registered at all. */
export function applicableIds(ids: readonly string[], config: TargetConfig): string[] {
  const catalog = loadCatalog();
  return ids.filter((id) => {
    const requirement = catalog.byId.get(id);
    if (!requirement) throw new Error(`suite bug: ${id} is not in spec/requirements.yaml`);
    return requirement.profiles.includes(config.profile);
  });
}

export function requirementTest(ids: readonly string[], title: string, body: (t: Check) => Promise<void>, options: RequirementTestOptions = {}): void {
  const config = targetConfig();
  const applicable = applicableIds(ids, config);
  if (applicable.length === 0) return;
  // With --only, ids of other operations are dropped from the title (they get no verdict from this test); a test
  // left with none is registered with all its ids and skipped, so the report says why.
  const catalog = loadCatalog();
  const selected = config.only ? applicable.filter((id) => config.only!.includes(catalog.byId.get(id)!.operation)) : applicable;
  const titled = selected.length > 0 ? selected : applicable;
  const fullTitle = `${titled.map((id) => `[${id}]`).join("")} ${title}`;
  test(fullTitle, async (ctx) => {
    const meta: TepTaskMeta = { findings: [], findingEvidence: [], completed: false };
    ctx.task.meta.tep = meta;
    const reason = skipReason(titled, options.needs ?? [], config);
    if (reason) ctx.skip(reason);
    // Each test body is a chain of requests of its own for the critical-path count (client/critical-path.ts).
    await runWithDepth(() => body(new Check(config, meta, new Set(ids), new Set(titled), (why) => ctx.skip(why))));
    meta.completed = true;
    if (meta.findings.length > 0) throw new FindingsError(meta.findings);
  });
}
