// Containerised targets (issue 6): start an image with testcontainers, wait until it answers HTTP, hand the run a
// base URL on 127.0.0.1, and stop and remove the container afterwards.
//
// Environment the caller sets before the first call (the CLI and .ci/run do):
//   TESTCONTAINERS_RYUK_DISABLED=true      Ryuk is testcontainers' reaper container; it would have to be pulled from
//                                          a registry, and registerContainerCleanup() does its job here.
//   TESTCONTAINERS_HOST_OVERRIDE=localhost the engine runs on this machine; skips testcontainers' gateway guessing.
// Containers carry the label `tep-conformance=1`, so leftovers can be found:
//   docker ps -a --filter label=tep-conformance=1
import { randomUUID } from "node:crypto";
import { GenericContainer, getContainerRuntimeClient, ImageName, PullPolicy, Wait } from "testcontainers";
import type { ContainerRuntimeClient, StartedTestContainer } from "testcontainers";
import { checkContainerEngine } from "./container-engine.js";
import { describeStartupFailure, firstLine, isNoSuchContainer, OutputTail, removeLeftover } from "./container-startup.js";

export { checkContainerEngine, engineAddress, type EngineCheck } from "./container-engine.js";
export { registerContainerCleanup, type CleanableContainer, type CleanupOptions } from "./container-cleanup.js";

/** Label on every container this module starts. */
export const CONTAINER_LABEL = "tep-conformance";
/** Label unique to one start, so a failed start can remove exactly what it created. */
const START_LABEL = "tep-conformance.start";
/** The list endpoint with the `self` account alias (canvas-behavior.md §2): every Canvas-like server routes it. */
export const DEFAULT_WAIT_PATH = "/api/v1/accounts/self/temporary_enrollment_pairings";
export const DEFAULT_CONTAINER_PORT = 3000;
export const DEFAULT_STARTUP_TIMEOUT_MS = 60_000;

export interface ContainerTargetOptions {
  /** An image reference; used as is when present locally, pulled only when absent. */
  image: string;
  containerPort?: number;
  env?: Record<string, string>;
  /** Polled with GET until any HTTP answer; connection errors and read timeouts mean "not ready yet". */
  waitPath?: string;
  startupTimeoutMs?: number;
  /** Extra container labels, e.g. a run id. */
  labels?: Record<string, string>;
}

export interface ContainerTarget {
  /** http://127.0.0.1:<mapped port> */
  baseUrl: string;
  image: { name: string; id: string };
  containerId: string;
  /** Stops and removes the container; safe to call more than once. */
  stop(): Promise<void>;
}

export type ContainerTargetErrorCode = "no-engine" | "image-unavailable" | "startup-failed";

/** Why a container target could not be had; `code` lets the CLI choose the exit status (no-engine → 3). */
export class ContainerTargetError extends Error {
  constructor(
    readonly code: ContainerTargetErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ContainerTargetError";
  }
}

export async function startContainerTarget(options: ContainerTargetOptions): Promise<ContainerTarget> {
  const containerPort = options.containerPort ?? DEFAULT_CONTAINER_PORT;
  const waitPath = options.waitPath ?? DEFAULT_WAIT_PATH;
  const startupTimeoutMs = options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
  const engine = await checkContainerEngine();
  if (!engine.ok) throw new ContainerTargetError("no-engine", engine.reason);
  const client = await getContainerRuntimeClient();
  const imageId = await ensureImagePresent(client, options.image);

  const startId = randomUUID();
  const output = new OutputTail();
  const container = new GenericContainer(options.image)
    // Pulls only when the image is absent — and ensureImagePresent has made it present.
    .withPullPolicy(PullPolicy.defaultPolicy())
    .withExposedPorts(containerPort)
    .withEnvironment(options.env ?? {})
    .withLabels({ ...options.labels, [CONTAINER_LABEL]: "1", [START_LABEL]: startId })
    .withLogConsumer((stream) => output.follow(stream))
    .withWaitStrategy(
      Wait.forHttp(waitPath, containerPort, { abortOnContainerExit: true }).forStatusCodeMatching(() => true),
    )
    .withStartupTimeout(startupTimeoutMs);

  let started: StartedTestContainer;
  try {
    started = await keepingProcessAlive(container.start());
  } catch (error) {
    output.close();
    const leftover = await removeLeftover(client, START_LABEL, startId);
    const env = options.env ?? {};
    const message = describeStartupFailure({ image: options.image, waitPath, containerPort, startupTimeoutMs, error, leftover, output, env });
    throw new ContainerTargetError("startup-failed", message, { cause: error });
  }

  let stopping: Promise<void> | undefined;
  return {
    baseUrl: `http://127.0.0.1:${started.getMappedPort(containerPort)}`,
    image: { name: options.image, id: imageId },
    containerId: started.getId(),
    stop: () =>
      (stopping ??= (async () => {
        output.close();
        try {
          await keepingProcessAlive(started.stop({ remove: true, removeVolumes: true }));
        } catch (error) {
          if (!isNoSuchContainer(error)) throw error;
        }
      })()),
  };
}

/** The image's id, pulling it first only when it is not present locally (issue 6: never pull a local image). */
async function ensureImagePresent(client: ContainerRuntimeClient, image: string): Promise<string> {
  const name = ImageName.fromString(image);
  if (!(await client.image.exists(name))) {
    try {
      await client.image.pull(name, { force: false, platform: undefined });
    } catch (error) {
      throw new ContainerTargetError("image-unavailable", `image "${image}" is not present locally and could not be pulled: ${firstLine(error)}`, {
        cause: error,
      });
    }
    // A pull whose stream reports an error still resolves; ask again.
    if (!(await client.image.exists(name))) {
      throw new ContainerTargetError("image-unavailable", `image "${image}" is not present locally and pulling it did not produce it`);
    }
  }
  return (await client.image.inspect(name)).Id;
}

/**
 * testcontainers unrefs the socket of a container's log stream; when the container exits, that socket can go back
 * to the HTTP agent's pool and carry the next Docker API call, and with nothing else pending Node ends the process
 * in the middle of start() or stop() (seen with a container that exits at once). A plain timer prevents that.
 */
async function keepingProcessAlive<T>(work: Promise<T>): Promise<T> {
  const timer = setInterval(() => undefined, 1_000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
