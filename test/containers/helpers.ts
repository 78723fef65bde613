// Shared by the container tests: the engine check that decides skip-or-run, image building, and `docker` queries
// that look at the engine independently of the code under test.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { checkContainerEngine } from "../../targets/container.js";
import { packageRoot } from "../../paths.js";

// What .ci/run exports (targets/container.ts explains both); set here too so a bare `npx vitest` behaves the same.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= "true";
process.env.TESTCONTAINERS_HOST_OVERRIDE ??= "localhost";

export const REFERENCE_IMAGE = "tep-reference:local";

/** Checks the engine once per test file; prints the one-line skip reason the issue asks for when there is none. */
export async function engineOrSkipReason(): Promise<{ available: boolean }> {
  const engine = await checkContainerEngine();
  if (!engine.ok) console.log(`SKIPPED: no container engine (${engine.reason})`);
  return { available: engine.ok };
}

export function docker(...args: string[]): string {
  return execFileSync("docker", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** Ids of all containers, running or not, that carry `label` (key=value). */
export function containersLabelled(label: string): string[] {
  return docker("ps", "-a", "--quiet", "--filter", `label=${label}`).split("\n").filter(Boolean);
}

export function containerExists(containerId: string): boolean {
  return docker("ps", "-a", "--quiet", "--no-trunc", "--filter", `id=${containerId}`) !== "";
}

/** Runs fixtures/container/build-image.sh (needs dist/ from `npm run build`); returns the image id it prints. */
export function buildReferenceImage(tag = REFERENCE_IMAGE): string {
  const script = join(packageRoot(), "fixtures", "container", "build-image.sh");
  const stdout = execFileSync(script, [tag], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return stdout.trim().split("\n").at(-1) ?? "";
}

/**
 * A copy of `base` whose command is replaced — e.g. a server that never listens — made offline with
 * `docker create` + `docker commit` (no layer changes, so it takes a moment).
 */
export function imageWithCommand(base: string, tag: string, command: readonly string[]): void {
  const containerId = docker("create", "--label", "tep-conformance.test-helper=1", base);
  try {
    docker("commit", "--change", `CMD ${JSON.stringify(command)}`, containerId, tag);
  } finally {
    docker("rm", "--force", containerId);
  }
}

export function removeImage(tag: string): void {
  try {
    docker("image", "rm", "--force", tag);
  } catch {
    // already gone
  }
}
