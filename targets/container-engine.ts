// Is a Docker-API container engine reachable? Answers in one line that says where we looked and how to fix it,
// because `--image` without an engine must exit 3 with a usable message, not a stack trace (issue 6).
//
// Engine discovery is testcontainers' own (DOCKER_HOST, ~/.testcontainers.properties, /var/run/docker.sock, the
// rootless socket), so any engine it can drive counts. Callers set TESTCONTAINERS_RYUK_DISABLED=true and
// TESTCONTAINERS_HOST_OVERRIDE=localhost; see container.ts.
import { connect } from "node:net";
import { getContainerRuntimeClient } from "testcontainers";

const DEFAULT_ENGINE = "unix:///var/run/docker.sock";
/** A TCP DOCKER_HOST that drops packets must not hang the CLI; testcontainers has no timeout of its own. */
const ENGINE_CHECK_TIMEOUT_MS = 15_000;
const CONNECT_PROBE_TIMEOUT_MS = 2_000;

export type EngineCheck = { ok: true } | { ok: false; reason: string };

/** Where the engine is expected, and why there. */
export function engineAddress(): { address: string; origin: string } {
  const fromEnv = process.env.DOCKER_HOST;
  return fromEnv ? { address: fromEnv, origin: "from DOCKER_HOST" } : { address: DEFAULT_ENGINE, origin: "DOCKER_HOST unset" };
}

export async function checkContainerEngine(): Promise<EngineCheck> {
  const found = await withTimeout(getContainerRuntimeClient(), ENGINE_CHECK_TIMEOUT_MS).then(
    () => true,
    () => false,
  );
  if (found) return { ok: true };
  const { address, origin } = engineAddress();
  const detail = await describeConnectFailure(address);
  const fix = process.env.DOCKER_HOST ? "start that engine or fix DOCKER_HOST" : "start dockerd or set DOCKER_HOST";
  return { ok: false, reason: `no container engine at ${address} (${origin}${detail ? `; ${detail}` : ""}): ${fix}` };
}

/** Why the engine address does not answer, from the errno of a plain connect; empty for other transports. */
async function describeConnectFailure(address: string): Promise<string> {
  const url = URL.canParse(address) ? new URL(address) : undefined;
  const where: { path: string; noun: string } | { host: string; port: number; noun: string } | undefined =
    url?.protocol === "unix:"
      ? { path: url.pathname, noun: "the socket" }
      : url?.protocol === "tcp:" && url.port !== ""
        ? { host: url.hostname, port: Number(url.port), noun: "the address" }
        : undefined;
  if (!where) return "";
  const code = await new Promise<string | undefined>((resolve) => {
    const socket = "path" in where ? connect({ path: where.path }) : connect({ port: where.port, host: where.host });
    const done = (result: string | undefined) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(CONNECT_PROBE_TIMEOUT_MS, () => done("ETIMEDOUT"));
    socket.once("connect", () => done(undefined));
    socket.once("error", (error: NodeJS.ErrnoException) => done(error.code));
  });
  switch (code) {
    case "ENOENT":
      return `${where.noun} does not exist`;
    case "EACCES":
      return `permission denied on ${where.noun}: run as a member of the docker group`;
    case "ECONNREFUSED":
      return `nothing listens on ${where.noun}`;
    case undefined:
      return `${where.noun} accepts connections but does not answer the Docker API`;
    default:
      return `connecting to ${where.noun} fails with ${code}`;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
