// The run's target configuration inside the vitest worker: the CLI (cli/run-suites.ts) hands it over with
// vitest's `provide`, and every suite module reads it here with `inject` (issue 4, "parameterised by the target
// configuration").
import { inject } from "vitest";
import type { TargetConfig } from "../client/types.js";

declare module "vitest" {
  export interface ProvidedContext {
    tep: TargetConfig;
  }
}

let cached: TargetConfig | undefined;

/** The target configuration of this run (the same object for every test of the worker). */
export function targetConfig(): TargetConfig {
  cached ??= inject("tep");
  if (!cached) throw new Error("tep-conformance: no target configuration was provided to the suites (vitest provide: { tep })");
  return cached;
}
