// The edge where reports become files (style.md §5): every format above is a pure function; only this module
// touches the disk. Files are written whole (temporary name, then rename) so an interrupted run never leaves a
// half-written report that a CI step would then parse.
import { appendFile, mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderJunit } from "./junit.js";
import { renderMarkdown } from "./markdown.js";
import type { ConformanceRun } from "./model.js";

export type ReportFormat = "console" | "json" | "junit" | "markdown" | "html";
export const REPORT_FORMATS: readonly ReportFormat[] = ["console", "json", "junit", "markdown", "html"];

/** The file each format is written to; console output is printed by the CLI, not written. */
export const REPORT_FILES: Readonly<Record<Exclude<ReportFormat, "console">, { file: string; render: (run: ConformanceRun) => string }>> = {
  json: { file: "report.json", render: renderJson },
  junit: { file: "junit.xml", render: renderJunit },
  markdown: { file: "report.md", render: renderMarkdown },
  html: { file: "report.html", render: renderHtml },
};

export interface WriteOptions {
  /**
   * Where GitHub Actions collects the job summary; the Markdown report is appended to it (issue 4). Defaults to
   * $GITHUB_STEP_SUMMARY; pass an empty string to skip it.
   */
  readonly githubStepSummary?: string;
}

async function writeWhole(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, "utf8");
  await rename(temporary, path);
}

/** Writes the file formats among `formats` into `dir` (created if missing) and returns the paths written. */
export async function writeReports(run: ConformanceRun, dir: string, formats: readonly ReportFormat[], options: WriteOptions = {}): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const format of new Set(formats)) {
    if (format === "console") continue;
    const { file, render } = REPORT_FILES[format];
    const path = join(dir, file);
    await writeWhole(path, render(run));
    written.push(path);
  }
  const stepSummary = options.githubStepSummary ?? process.env.GITHUB_STEP_SUMMARY;
  if (stepSummary) await appendFile(stepSummary, renderMarkdown(run) + "\n", "utf8");
  return written;
}
