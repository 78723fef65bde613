#!/usr/bin/env node
// The tep-conformance command. Exit codes (issue 4): 0 conformant, 1 not conformant, 2 usage or configuration
// error (one line and the fix, no report), 3 the run could not complete (the report is still written).
import { resolve } from "node:path";
import { toolVersion } from "../paths.js";
import { parseCommand, UsageError, type Command } from "./args.js";
import { HELP } from "./help.js";
import { DEFAULTS } from "./options.js";

async function main(argv: string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv, process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tep-conformance: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  switch (command.kind) {
    case "help":
      process.stdout.write(HELP);
      return 0;
    case "version":
      process.stdout.write(`${toolVersion()}\n`);
      return 0;
    case "serve": {
      const { runServe } = await import("../fixtures/index.js");
      return runServe(command.argv);
    }
    case "cleanup": {
      const { cleanupCommand } = await import("./cleanup-command.js");
      return cleanupCommand(command.journal, command.options);
    }
    case "run":
      return runCommand(command.options, command.color);
  }
}

async function runCommand(options: import("./options.js").ConformanceOptions, color: boolean): Promise<number> {
  const [{ runConformance }, { formatTestLine, renderConsoleSummary }, { idsOfTitle }] = await Promise.all([
    import("./run.js"),
    import("../reporters/console.js"),
    import("../suites/meta.js"),
  ]);
  const controller = new AbortController();
  const reportDir = resolve(options.reportDir ?? DEFAULTS.reportDir);
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts += 1;
    if (interrupts === 1) {
      process.stderr.write(`tep-conformance: ${signal} — stopping, deleting what this run created, writing the report…\n`);
      controller.abort();
    } else {
      process.stderr.write(`tep-conformance: ${signal} again — exiting now; finish with tep-conformance cleanup --journal ${resolve(reportDir, "footprint.jsonl")}\n`);
      process.exit(130);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const showConsole = !options.reporters || options.reporters.includes("console");
  const run = await runConformance({
    ...options,
    signal: controller.signal,
    onNotice: (line) => process.stdout.write(`tep-conformance: ${line}\n`),
    ...(showConsole ? { onTest: (t) => idsOfTitle(t.title).length > 0 && process.stdout.write(formatTestLine(t.title, testStatus(t), t.durationMs, color) + "\n") } : {}),
  });
  if (showConsole) process.stdout.write("\n" + renderConsoleSummary(run, { color }));
  process.stdout.write(`tep-conformance: reports in ${reportDir}\n`);
  return run.exitCode;
}

function testStatus(t: import("../reporters/vitest-adapter.js").RawTest): "passed" | "failed" | "skipped" | "errored" {
  if (t.state !== "failed") return t.state;
  return t.errors[0]?.name === "InconclusiveError" ? "errored" : "failed";
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    process.stderr.write(`tep-conformance: could not complete: ${message}\n`);
    if (process.env.TEP_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 3;
  },
);
