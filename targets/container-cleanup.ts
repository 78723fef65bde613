// Removes a started container when the process ends some other way than the caller's own `await target.stop()`:
// Ctrl-C (SIGINT), SIGTERM, process.exit() or an uncaught error (issue 6: "stop and remove the container afterwards
// — also after a failure, a timeout or Ctrl-C"). Ryuk would do this too, but it is disabled (see container.ts).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { constants } from "node:os";

const HANDLED_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM"];
/** Upper bound for the synchronous removal on the way out; an exiting process cannot wait forever. */
const EXIT_REMOVAL_TIMEOUT_MS = 20_000;

/**
 * The 'exit' event allows only synchronous work, and the Docker API is HTTP, so a short-lived child process removes
 * the container (force, with volumes) through the same testcontainers engine discovery the parent used.
 */
const REMOVE_CONTAINER_SCRIPT = `
const { getContainerRuntimeClient } = require(process.argv[1]);
getContainerRuntimeClient()
  .then((client) => client.container.getById(process.argv[2]).remove({ force: true, v: true }))
  .catch((error) => { if (!/no such container/i.test(String(error))) process.exit(1); });
`;

export interface CleanableContainer {
  containerId: string;
  stop(): Promise<void>;
}

export interface CleanupOptions {
  /**
   * true (default): on SIGINT/SIGTERM stop the container, then exit with 128 + the signal number (130, 143).
   * false: leave signals to the caller — e.g. the CLI, which on Ctrl-C still needs the server to delete what the
   * run created before it stops the container itself; only the exit safety net below stays.
   */
  handleSignals?: boolean;
}

/**
 * Until the returned function is called: on exit (process.exit, an uncaught error, the end of the event loop)
 * with the container still registered, remove it synchronously; and, unless `handleSignals` is false, stop it on
 * SIGINT/SIGTERM and exit. Call the returned function after your own `await target.stop()`.
 */
export function registerContainerCleanup(target: CleanableContainer, options: CleanupOptions = {}): () => void {
  let registered = true;
  const unregister = () => {
    registered = false;
    for (const signal of HANDLED_SIGNALS) process.off(signal, onSignal);
    process.off("exit", onExit);
  };
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // A second Ctrl-C while stopping is swallowed: exiting then would skip the removal this listener exists for.
    if (stopping) return;
    stopping = true;
    void target.stop().then(
      () => finish(signal, true),
      () => finish(signal, false),
    );
  };
  const finish = (signal: NodeJS.Signals, stopped: boolean) => {
    if (!stopped) removeContainerSync(target.containerId);
    unregister();
    // Not a re-raise of the signal: libraries such as signal-exit (pulled in by testcontainers) keep listeners of
    // their own that swallow it. The status is what a shell reports for a process killed by that signal.
    process.exit(128 + constants.signals[signal]);
  };
  const onExit = () => {
    if (registered) removeContainerSync(target.containerId);
  };
  if (options.handleSignals ?? true) for (const signal of HANDLED_SIGNALS) process.on(signal, onSignal);
  process.on("exit", onExit);
  return unregister;
}

/** Force-removes a container before the process goes away; true when it is gone. */
export function removeContainerSync(containerId: string): boolean {
  const testcontainersEntry = createRequire(import.meta.url).resolve("testcontainers");
  const result = spawnSync(process.execPath, ["-e", REMOVE_CONTAINER_SCRIPT, testcontainersEntry, containerId], {
    stdio: "ignore",
    timeout: EXIT_REMOVAL_TIMEOUT_MS,
  });
  return result.status === 0;
}
