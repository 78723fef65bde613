// Explaining a container that did not become ready: what happened (timed out, exited, never started) and the last
// lines it printed — "listening on 8080" is the whole diagnosis of a timeout on port 3000.
import type { Readable } from "node:stream";
import type { ContainerRuntimeClient } from "testcontainers";

const TAIL_LINES = 20;

/** What was left of a container that failed to start, read just before it was removed. */
export interface Leftover {
  exitCode: number | undefined;
  output: string;
}

/**
 * testcontainers removes a container whose wait strategy failed, but not one that failed before (e.g. it exited
 * before its ports were bound). Finds that one by its per-start label, records its state and output, removes it.
 */
export async function removeLeftover(client: ContainerRuntimeClient, label: string, value: string): Promise<Leftover | undefined> {
  const container = await client.container.fetchByLabel(label, value).catch(() => undefined);
  if (!container) return undefined;
  const state = await container.inspect().then((info) => info.State, () => undefined);
  const logs = await container.logs({ stdout: true, stderr: true, follow: false, tail: TAIL_LINES }).catch(() => undefined);
  await container.remove({ force: true, v: true }).catch((error: unknown) => {
    if (!isNoSuchContainer(error)) throw error;
  });
  return {
    exitCode: state && !state.Running ? state.ExitCode : undefined,
    output: logs ? demultiplex(Buffer.from(logs)).trim() : "",
  };
}

export interface StartupFailure {
  image: string;
  waitPath: string;
  containerPort: number;
  startupTimeoutMs: number;
  error: unknown;
  leftover: Leftover | undefined;
  output: OutputTail;
  /** The container's environment: values of secret-looking variables are masked in the output shown. */
  env: Readonly<Record<string, string>>;
}

/** Variables whose values must not reach a terminal or a report (issue 7, "Secrets"). */
const SECRET_NAME = /token|secret|password|passwd|credential|key/i;
export const MASK = "***";

export function describeStartupFailure(failure: StartupFailure): string {
  const cause = firstLine(failure.error);
  const what =
    failure.leftover?.exitCode !== undefined
      ? `exited (exit code ${failure.leftover.exitCode}) before answering`
      : cause.startsWith("Container exited")
        ? "exited before answering"
        : cause.includes("not accessible after")
          ? `got no HTTP answer to GET ${failure.waitPath} on container port ${failure.containerPort} within ${failure.startupTimeoutMs} ms`
          : `could not be started (${cause})`;
  const output = maskSecrets(failure.leftover?.output || failure.output.text(), failure.env);
  return `container from image "${failure.image}" ${what}` + (output ? `; its last output:\n${output}` : "; it printed nothing");
}

function maskSecrets(text: string, env: Readonly<Record<string, string>>): string {
  const secrets = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && value.length > 0)
    .map(([, value]) => value)
    .sort((a, b) => b.length - a.length);
  return secrets.reduce((masked, secret) => masked.split(secret).join(MASK), text);
}

export function isNoSuchContainer(error: unknown): boolean {
  const status = (error as { statusCode?: number } | undefined)?.statusCode;
  return status === 404 || /no such container/i.test(String(error));
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]?.trim() ?? message;
}

/**
 * Docker's log stream for a container without a TTY is multiplexed: frames of an 8-byte header (stream type, 3 zero
 * bytes, big-endian payload length) and the payload. A buffer that does not look like that is returned as text.
 */
function demultiplex(buffer: Buffer): string {
  const parts: string[] = [];
  for (let offset = 0; offset < buffer.length; ) {
    const type = buffer[offset];
    if (offset + 8 > buffer.length || (type !== 0 && type !== 1 && type !== 2)) return buffer.toString("utf8");
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size).toString("utf8"));
    offset += 8 + size;
  }
  return parts.join("");
}

/** The last lines a running container printed, kept while it starts (it is removed as soon as the wait fails). */
export class OutputTail {
  private readonly lines: string[] = [];
  private stream: Readable | undefined;
  private partial = "";

  follow(stream: Readable): void {
    this.stream = stream;
    stream.on("data", (chunk: string | Buffer) => this.add(chunk.toString()));
    stream.on("error", () => undefined);
  }

  close(): void {
    this.stream?.destroy();
  }

  text(): string {
    return [...this.lines, this.partial].filter((line) => line.trim() !== "").join("\n");
  }

  private add(chunk: string): void {
    const pieces = (this.partial + chunk).split("\n");
    this.partial = pieces.pop() ?? "";
    this.lines.push(...pieces);
    this.lines.splice(0, Math.max(0, this.lines.length - TAIL_LINES));
  }
}
