// Golden files for what people read (style.md §10). The sample run is fixed, so nothing needs normalising.
// `UPDATE_GOLDEN=1 npx vitest run test/reporters` rewrites them; review the diff before committing.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "golden");

export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    writeFileSync(path, actual, "utf8");
    return;
  }
  // A missing golden file is a failure, not a silent first write: CI must never approve its own output.
  expect(existsSync(path), `golden file ${name} is missing; run with UPDATE_GOLDEN=1 to create it`).toBe(true);
  expect(actual).toBe(readFileSync(path, "utf8"));
}
