import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderHtml } from "../../reporters/html.js";
import { renderJson } from "../../reporters/json.js";
import { renderJunit } from "../../reporters/junit.js";
import { renderMarkdown } from "../../reporters/markdown.js";
import { REPORT_FORMATS, writeReports } from "../../reporters/write.js";
import { sampleRun } from "./sample-run.js";

describe("writeReports", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tep-reports-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes every file format into a new directory and returns the paths; console is not a file", async () => {
    const run = sampleRun();
    const reportDir = join(dir, "nested", "conformance-report");
    const written = await writeReports(run, reportDir, REPORT_FORMATS, { githubStepSummary: "" });
    expect(written).toEqual(["report.json", "junit.xml", "report.md", "report.html"].map((f) => join(reportDir, f)));
    expect((await readdir(reportDir)).sort()).toEqual(["junit.xml", "report.html", "report.json", "report.md"]);
    expect(await readFile(join(reportDir, "report.json"), "utf8")).toBe(renderJson(run));
    expect(await readFile(join(reportDir, "junit.xml"), "utf8")).toBe(renderJunit(run));
    expect(await readFile(join(reportDir, "report.md"), "utf8")).toBe(renderMarkdown(run));
    expect(await readFile(join(reportDir, "report.html"), "utf8")).toBe(renderHtml(run));
  });

  it("writes only the formats asked for, once each, and replaces an older report whole", async () => {
    await writeFile(join(dir, "junit.xml"), "<old/>".repeat(10_000));
    const written = await writeReports(sampleRun(), dir, ["console", "junit", "junit"], { githubStepSummary: "" });
    expect(written).toEqual([join(dir, "junit.xml")]);
    expect(await readFile(join(dir, "junit.xml"), "utf8")).toBe(renderJunit(sampleRun()));
    expect(existsSync(join(dir, "report.json"))).toBe(false);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("appends the Markdown report to the GitHub step summary, keeping what was there", async () => {
    const summary = join(dir, "step-summary.md");
    await writeFile(summary, "previous step\n");
    await writeReports(sampleRun(), join(dir, "out"), ["json"], { githubStepSummary: summary });
    await writeReports(sampleRun(), join(dir, "out"), ["json"], { githubStepSummary: summary });
    expect(await readFile(summary, "utf8")).toBe(`previous step\n${renderMarkdown(sampleRun())}\n${renderMarkdown(sampleRun())}\n`);
  });

  it("reads $GITHUB_STEP_SUMMARY when no path is given", async () => {
    const summary = join(dir, "from-env.md");
    const saved = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = summary;
    try {
      await writeReports(sampleRun(), join(dir, "out"), ["console"]);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = saved;
    }
    expect(await readFile(summary, "utf8")).toBe(renderMarkdown(sampleRun()) + "\n");
  });
});
