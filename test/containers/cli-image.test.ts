// `tep-conformance --image …` end to end against the offline-built reference image (issue 6, "Done when"): the
// conformant image exits 0, the same image switched to a defect by --env exits 1, and no container is left —
// also after Ctrl-C mid-run (exit 3, issue 4's "the run could not complete"). Runs the compiled CLI (dist/cli/main.js), as users do.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../paths.js";
import { REFERENCE_IMAGE, buildReferenceImage, docker, engineOrSkipReason } from "./helpers.js";

const CLI = join(packageRoot(), "dist", "cli", "main.js");
const { available } = await engineOrSkipReason();

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  reportDir: string;
  marker: string;
}

/**
 * Containers, running or not, started by the run that passed `--env TEP_TEST_RUN=marker`: parallel test files also
 * start labelled containers, so the label alone cannot say whose a leftover is.
 */
function containersOfRun(marker: string): string[] {
  const labelled = docker("ps", "-a", "--quiet", "--no-trunc", "--filter", "label=tep-conformance=1").split("\n").filter(Boolean);
  return labelled.filter((id) => {
    try {
      return docker("inspect", "--format", "{{json .Config.Env}}", id).includes(`"TEP_TEST_RUN=${marker}"`);
    } catch {
      return false; // removed between the listing and the inspection
    }
  });
}

/** Runs the CLI against the reference image; `interrupt` sends SIGINT once the run has started testing. */
async function runCli(extraArgs: string[], interrupt = false): Promise<CliRun> {
  const marker = randomUUID();
  const reportDir = mkdtempSync(join(tmpdir(), "tep-cli-image-"));
  const args = [CLI, "--image", REFERENCE_IMAGE, "--token", "admin-token", "--unprivileged-token", "noperm-token"];
  args.push("--env", `TEP_TEST_RUN=${marker}`, "--report-dir", reportDir, ...extraArgs);
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const exited = once(child, "exit") as Promise<[number | null]>;
  const output = { stdout: "", stderr: "" };
  const onOutput = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
    output[stream] += chunk.toString();
    if (interrupt && (output.stdout + output.stderr).includes("testing container")) {
      interrupt = false;
      child.kill("SIGINT");
    }
  };
  child.stdout.on("data", onOutput("stdout"));
  child.stderr.on("data", onOutput("stderr"));
  const [code] = await exited;
  return { code, ...output, reportDir, marker };
}

describe.skipIf(!available)("tep-conformance --image", () => {
  const reportDirs: string[] = [];

  beforeAll(() => {
    buildReferenceImage();
  });

  afterAll(() => {
    for (const dir of reportDirs) rmSync(dir, { recursive: true, force: true });
  });

  it("tests the reference image: conformant, exit 0, image recorded in the report, no container left", async () => {
    const run = await runCli([]);
    reportDirs.push(run.reportDir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("CONFORMANT");
    const report = JSON.parse(readFileSync(join(run.reportDir, "report.json"), "utf8")) as { target: { image?: unknown } };
    const imageId = docker("image", "inspect", "--format", "{{.Id}}", REFERENCE_IMAGE);
    expect(report.target.image).toEqual({ name: REFERENCE_IMAGE, id: imageId });
    expect(containersOfRun(run.marker)).toEqual([]);
  });

  it("finds the defect when --env switches the image to one (TEP_DEFECT=delete-returns-204): exit 1", async () => {
    const run = await runCli(["--env", "TEP_DEFECT=delete-returns-204"]);
    reportDirs.push(run.reportDir);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain("TEP-DEL-");
    expect(containersOfRun(run.marker)).toEqual([]);
  });

  it("leaves no container after SIGINT mid-run (exit 3: the run could not complete, the report is written)", async () => {
    // Latency keeps the run going for a while after "testing container", so the signal lands mid-run.
    const run = await runCli(["--env", "TEP_LATENCY=100"], true);
    reportDirs.push(run.reportDir);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain("SIGINT");
    expect(existsSync(join(run.reportDir, "report.json"))).toBe(true);
    expect(containersOfRun(run.marker)).toEqual([]);
  });
});
