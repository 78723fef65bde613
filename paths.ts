// Where the package lives on disk, from source (tsx) and from dist/ alike, so that spec/ files and the compiled
// suites are found whether the tool runs from a clone or from an installed tarball.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** The folder holding tep-conformance's package.json. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "tep-conformance") {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("tep-conformance: cannot find the package root above " + import.meta.url);
    dir = parent;
  }
}

/** The tool's own version, from package.json. */
export function toolVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")).version as string;
}
