// The three kinds of target: a URL the user gives, an image started with testcontainers (--image), or — with
// neither — the embedded reference server on a free loopback port (the README's one-command demo).
import type { Profile } from "../spec/index.js";
import { DEFAULTS, type ConformanceOptions } from "./options.js";

export interface StartedTarget {
  readonly baseUrl: string;
  readonly token: string;
  readonly unprivilegedToken?: string;
  readonly foreignPairingId?: string;
  readonly description?: string;
  readonly image?: { readonly name: string; readonly id: string };
  stop(): Promise<void>;
}

export async function startTarget(options: ConformanceOptions, profile: Profile, notice: (line: string) => void): Promise<StartedTarget> {
  if (options.baseUrl) {
    return {
      baseUrl: options.baseUrl,
      token: options.token ?? "",
      ...(options.unprivilegedToken ? { unprivilegedToken: options.unprivilegedToken } : {}),
      ...(options.foreignPairingId ? { foreignPairingId: options.foreignPairingId } : {}),
      stop: async () => {},
    };
  }
  if (options.image) return startImage(options, notice);
  const { startReferenceServer } = await import("../fixtures/index.js");
  // The documented profile describes flat objects: the embedded server speaks the profile being tested.
  const server = await startReferenceServer({
    representation: profile === "documented" ? "flat" : "wrapped",
    ...(options.token ? { token: options.token } : {}),
    ...(options.unprivilegedToken ? { unprivilegedToken: options.unprivilegedToken } : {}),
  });
  notice(`no --base-url given: testing the embedded reference server at ${server.url} (profile ${profile})`);
  return {
    baseUrl: server.url,
    token: server.token,
    unprivilegedToken: server.unprivilegedToken,
    foreignPairingId: options.foreignPairingId ?? server.foreignPairingId,
    description: `embedded reference server (${profile === "documented" ? "flat" : "wrapped"} representation)`,
    stop: () => server.close(),
  };
}

async function startImage(options: ConformanceOptions, notice: (line: string) => void): Promise<StartedTarget> {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= "true";
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= "localhost";
  const { checkContainerEngine, registerContainerCleanup, startContainerTarget } = await import("../targets/container.js");
  const engine = await checkContainerEngine();
  if (!engine.ok) throw new Error(engine.reason);
  notice(`starting container ${options.image} …`);
  const container = await startContainerTarget({
    image: options.image!,
    containerPort: options.containerPort ?? DEFAULTS.containerPort,
    ...(options.containerEnv ? { env: options.containerEnv } : {}),
    ...(options.waitPath ? { waitPath: options.waitPath } : {}),
    startupTimeoutMs: options.containerStartupTimeoutMs ?? DEFAULTS.containerStartupTimeoutMs,
  });
  // Our own SIGINT handler keeps the container up while the run deletes what it created; the exit hook still
  // removes the container if the process ends abruptly (a second Ctrl-C).
  const unregister = registerContainerCleanup(container, { handleSignals: false });
  notice(`testing container ${container.image.name} (${container.image.id.slice(0, 19)}) at ${container.baseUrl}`);
  return {
    baseUrl: container.baseUrl,
    token: options.token ?? "",
    ...(options.unprivilegedToken ? { unprivilegedToken: options.unprivilegedToken } : {}),
    ...(options.foreignPairingId ? { foreignPairingId: options.foreignPairingId } : {}),
    description: `container ${container.image.name}`,
    image: container.image,
    stop: async () => {
      await container.stop();
      unregister();
    },
  };
}
