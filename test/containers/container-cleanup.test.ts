// registerContainerCleanup in a real child process (issue 6: the container is stopped and removed "also after a
// failure, a timeout or Ctrl-C"): SIGINT and SIGTERM mid-run, process.exit() and an uncaught error.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  REFERENCE_IMAGE,
  buildReferenceImage,
  containerExists,
  containersLabelled,
  engineOrSkipReason,
  imageWithCommand,
  removeImage,
} from "./helpers.js";

const CHILD = fileURLToPath(new URL("./fixtures/hold-container.ts", import.meta.url));
const EXITS_AT_ONCE_IMAGE = "tep-exits-at-once:cleanup-test";
const { available } = await engineOrSkipReason();

interface Ending {
  mode: "wait" | "own-signals" | "exit" | "throw";
  signal?: NodeJS.Signals;
  expected: { code: number | null; signal: NodeJS.Signals | null };
}

const ENDINGS: readonly Ending[] = [
  { mode: "wait", signal: "SIGINT", expected: { code: 130, signal: null } },
  { mode: "wait", signal: "SIGTERM", expected: { code: 143, signal: null } },
  { mode: "own-signals", signal: "SIGINT", expected: { code: 7, signal: null } },
  { mode: "exit", expected: { code: 0, signal: null } },
  { mode: "throw", expected: { code: 1, signal: null } },
];

describe.skipIf(!available)("registerContainerCleanup", () => {
  beforeAll(() => {
    buildReferenceImage();
    imageWithCommand(REFERENCE_IMAGE, EXITS_AT_ONCE_IMAGE, ["/usr/local/bin/node", "-e", "process.exit(3)"]);
  });

  afterAll(() => removeImage(EXITS_AT_ONCE_IMAGE));

  function startChild(image: string, mode: string, labelValue: string) {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, image, mode, labelValue], { stdio: ["ignore", "pipe", "pipe"] });
    const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
    const output = { stdout: "", stderr: "" };
    child.stdout.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
    return { child, exited, output };
  }

  // A regression guard: testcontainers can leave only unref'd sockets pending while a container that exited at once
  // is inspected, and Node then ended the process silently in the middle of start() (targets/container.ts). The race
  // depends on timing: without the fix this fails about one run in four.
  it("reports a failed start in a plain process instead of ending it silently, and leaves no container", async () => {
    const labelValue = randomUUID();
    const { exited, output } = startChild(EXITS_AT_ONCE_IMAGE, "exit", labelValue);
    const [code] = await exited;
    expect({ code, stdout: output.stdout.trim() }, output.stderr).toEqual({ code: 2, stdout: `{"error":"startup-failed"}` });
    expect(containersLabelled(`tep-conformance.test=${labelValue}`)).toEqual([]);
  });

  for (const ending of ENDINGS) {
    const how = ending.signal
      ? `${ending.signal} mid-run${ending.mode === "own-signals" ? " handled by the caller (handleSignals: false)" : ""}`
      : ending.mode === "exit"
        ? "process.exit()"
        : "an uncaught error";
    it(`leaves no container after ${how}`, async () => {
      const labelValue = randomUUID();
      const { child, exited, output } = startChild(REFERENCE_IMAGE, ending.mode, labelValue);
      const lines = createInterface({ input: child.stdout });
      const [firstLine] = (await Promise.race([
        once(lines, "line"),
        exited.then(([code]) => Promise.reject(new Error(`child exited (${code}) before starting: ${output.stderr}`))),
      ])) as [string];
      const { containerId } = JSON.parse(firstLine) as { containerId: string };
      if (ending.signal) {
        expect(containerExists(containerId)).toBe(true);
        child.kill(ending.signal);
      }
      const [code, signal] = await exited;
      expect({ code, signal }, output.stderr).toEqual(ending.expected);
      expect(containerExists(containerId)).toBe(false);
      expect(containersLabelled(`tep-conformance.test=${labelValue}`)).toEqual([]);
    });
  }
});
