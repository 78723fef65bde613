// The parts around the engine: the one-line "no engine" reason, scripts/ensure-docker.sh, and the runtime-module
// list that keeps the offline image small. The first two cases need no engine at all, so they run everywhere.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../paths.js";
import { engineOrSkipReason } from "./helpers.js";

const run = promisify(execFile);
const ROOT = packageRoot();
const ENSURE_DOCKER = join(ROOT, "scripts", "ensure-docker.sh");
const RUNTIME_MODULES = join(ROOT, "fixtures", "container", "runtime-modules.mjs");
/** Nothing listens on port 1; a TCP DOCKER_HOST is honoured strictly (no fallback to the default socket). */
const DEAD_ENGINE = "tcp://127.0.0.1:1";

const { available } = await engineOrSkipReason();

describe("no container engine", () => {
  it("checkContainerEngine explains where it looked and how to fix it, in one line", async () => {
    // A fresh process: testcontainers caches the first engine it finds for the life of a process.
    const probe = `import { checkContainerEngine } from ${JSON.stringify(join(ROOT, "targets", "container.ts"))};
      console.log(JSON.stringify(await checkContainerEngine()));`;
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", probe], {
      env: { ...process.env, DOCKER_HOST: DEAD_ENGINE },
    });
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      reason: `no container engine at ${DEAD_ENGINE} (from DOCKER_HOST; nothing listens on the address): start that engine or fix DOCKER_HOST`,
    });
  });

  it("ensure-docker.sh refuses, with the reason, when DOCKER_HOST names an engine that does not answer", async () => {
    const failure = await run(ENSURE_DOCKER, [], { env: { ...process.env, DOCKER_HOST: DEAD_ENGINE } }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1, stdout: "" });
    expect((failure as { stderr: string }).stderr.trim()).toBe(
      `ensure-docker: DOCKER_HOST=${DEAD_ENGINE} does not answer 'docker info'; start that engine or unset DOCKER_HOST`,
    );
  });
});

describe("build-image.sh without a build", () => {
  it("stops before touching docker and says to run npm run build first", async () => {
    // A copy of the script in a package folder that has no dist/ (the script finds the package from its own path).
    const copy = mkdtempSync(join(tmpdir(), "tep-build-image-"));
    try {
      mkdirSync(join(copy, "fixtures", "container"), { recursive: true });
      for (const file of ["build-image.sh", "runtime-modules.mjs"]) {
        copyFileSync(join(ROOT, "fixtures", "container", file), join(copy, "fixtures", "container", file));
      }
      const failure = await run(join(copy, "fixtures", "container", "build-image.sh"), []).catch(
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(failure).toMatchObject({ code: 1, stdout: "" });
      expect((failure as { stderr: string }).stderr.trim()).toBe(`build-image: ${copy}/dist is missing: run npm run build first`);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!available)("ensure-docker.sh with an engine running", () => {
  it("is idempotent: changes nothing and says so in one line", async () => {
    const { stdout, stderr } = await run(ENSURE_DOCKER, []);
    expect(stdout).toMatch(/^ensure-docker: engine already running \(\S+\)\n$/);
    expect(stderr).toBe("");
  });
});

describe("runtime-modules.mjs", () => {
  const fixture = mkdtempSync(join(tmpdir(), "tep-runtime-modules-"));
  const files: Record<string, string> = {
    "package.json": `{"name":"fixture"}`,
    "dist/main.js": `import { readFileSync } from "node:fs";\nimport {\n  helper,\n} from "./lib.js";\nconst lazy = () => import("lazy-only");\n`,
    "dist/lib.js": `import { a } from "a/sub.js";\nexport * from "@scope/e";\nexport const helper = "import x from 'not-a-real-import'";\n`,
    "node_modules/a/package.json": `{"name":"a","dependencies":{"b":"1"},"optionalDependencies":{"missing-optional":"1"}}`,
    "node_modules/a/node_modules/b/package.json": `{"name":"b"}`,
    "node_modules/b/package.json": `{"name":"b","note":"a different b, not the one a resolves"}`,
    "node_modules/@scope/e/package.json": `{"name":"@scope/e"}`,
    "node_modules/lazy-only/package.json": `{"name":"lazy-only"}`,
    "node_modules/unused/package.json": `{"name":"unused"}`,
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), content);
  }
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  const cases: ReadonlyArray<{ given: string[]; want: string[] }> = [
    {
      given: [],
      want: ["node_modules/@scope/e", "node_modules/a", "node_modules/a/node_modules/b"],
    },
    {
      given: ["lazy-only"],
      want: ["node_modules/@scope/e", "node_modules/a", "node_modules/a/node_modules/b", "node_modules/lazy-only"],
    },
  ];
  for (const { given, want } of cases) {
    it(`follows static imports only, resolving dependencies as Node does (extra packages: [${given.join(", ")}])`, async () => {
      const { stdout } = await run(process.execPath, [RUNTIME_MODULES, fixture, "dist/main.js", "--", ...given]);
      expect(stdout.trim().split("\n")).toEqual(want);
    });
  }

  it("fails naming the package when an imported package is not installed", async () => {
    writeFileSync(join(fixture, "dist/broken.js"), `import "not-installed";\n`);
    const failure = await run(process.execPath, [RUNTIME_MODULES, fixture, "dist/broken.js"]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain(`cannot find package "not-installed"`);
  });
});
