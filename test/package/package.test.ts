// The package as users get it (issue 5): `npm pack`, install the tarball into an empty project, then from there
// `npx tep-conformance --help` and a full run against a separately started reference server; and the public
// entry point `import { runConformance } from "tep-conformance"` resolves.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HELP } from "../../cli/help.js";
import { startReferenceServer, type RunningReferenceServer } from "../../fixtures/index.js";

const root = join(import.meta.dirname, "..", "..");
let project: string;
let server: RunningReferenceServer;

beforeAll(async () => {
  const packDir = mkdtempSync(join(tmpdir(), "tep-pack-"));
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", packDir], { cwd: root, encoding: "utf8" })) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const tarball = join(packDir, packed[0]!.filename);
  project = mkdtempSync(join(tmpdir(), "tep-user-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", version: "1.0.0", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--omit=dev", tarball], { cwd: project, stdio: "ignore" });
  server = await startReferenceServer({});
}, 300_000);

afterAll(async () => {
  await server?.close();
});

describe("installed from the packed tarball", () => {
  test("ships compiled JS, the spec and the schemas, and no sources or tests", () => {
    const files = execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: root, encoding: "utf8" });
    const paths = (JSON.parse(files) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(paths).toContain("dist/cli/main.js");
    expect(paths).toContain("spec/openapi.yaml");
    expect(paths).toContain("spec/requirements.yaml");
    expect(paths).toContain("spec/generated/types.ts");
    expect(paths.some((p) => p.startsWith("spec/generated/schemas/"))).toBe(true);
    expect(paths.filter((p) => p.endsWith(".ts") && !p.endsWith(".d.ts") && p !== "spec/generated/types.ts")).toEqual([]);
    expect(paths.filter((p) => p.startsWith("test/") || p.startsWith("dist/test/"))).toEqual([]);
  });

  test("npx tep-conformance --help", () => {
    const result = spawnSync("npx", ["--no-install", "tep-conformance", "--help"], { cwd: project, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(HELP);
  });

  test("a full run against a separately started reference server is conformant", async () => {
    // Asynchronous on purpose: the reference server answers from this process's event loop.
    const result = await promisify(execFile)(
      "npx",
      ["--no-install", "tep-conformance", "--base-url", server.url, "--token", server.token, "--unprivileged-token", server.unprivilegedToken, "--report-dir", "report"],
      { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 180_000 },
    ).then(
      (ok) => ({ status: 0, stdout: ok.stdout, stderr: ok.stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ status: error.code ?? -1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
    );
    expect(result.status, result.stdout.slice(-3000) + result.stderr.slice(-2000)).toBe(0);
    const report = JSON.parse(readFileSync(join(project, "report", "report.json"), "utf8")) as { conformant: boolean; summary: { failed: number } };
    expect(report.conformant).toBe(true);
    expect(report.summary.failed).toBe(0);
  }, 200_000);

  test("import { runConformance } from \"tep-conformance\" and the spec files resolve", () => {
    const script = [
      'import { runConformance, loadCatalog } from "tep-conformance";',
      'import { createRequire } from "node:module";',
      "const require = createRequire(import.meta.url);",
      'console.log(typeof runConformance, loadCatalog().requirements.length, require.resolve("tep-conformance/spec/openapi.yaml").endsWith("openapi.yaml"), require.resolve("tep-conformance/spec/schemas/canvas.pairing.json").endsWith(".json"));',
    ].join("\n");
    writeFileSync(join(project, "probe.mjs"), script);
    const out = execFileSync(process.execPath, ["probe.mjs"], { cwd: project, encoding: "utf8" });
    expect(out.trim()).toMatch(/^function \d+ true true$/);
  });
});
