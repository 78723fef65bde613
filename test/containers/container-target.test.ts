// startContainerTarget against a real engine (issue 6): the offline-built reference image starts, answers on
// 127.0.0.1, takes its token from the environment, and leaves no container behind — nor does a failed start.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContainerTargetError, startContainerTarget, type ContainerTarget } from "../../targets/container.js";
import {
  REFERENCE_IMAGE,
  buildReferenceImage,
  containerExists,
  containersLabelled,
  docker,
  engineOrSkipReason,
  imageWithCommand,
  removeImage,
} from "./helpers.js";

const LIST_PATH = "/api/v1/accounts/self/temporary_enrollment_pairings";
const NEVER_LISTENS_IMAGE = "tep-never-listens:test";
const EXITS_AT_ONCE_IMAGE = "tep-exits-at-once:test";
const ADMIN_TOKEN = "admin-token";

const { available } = await engineOrSkipReason();

/** A label unique to one test, so parallel test files never see each other's containers. */
function testLabel(): { key: string; filter: string; labels: Record<string, string> } {
  const value = randomUUID();
  return { key: "tep-conformance.test", filter: `tep-conformance.test=${value}`, labels: { "tep-conformance.test": value } };
}

async function listWith(target: ContainerTarget, token: string): Promise<Response> {
  return fetch(`${target.baseUrl}${LIST_PATH}`, { headers: { Authorization: `Bearer ${token}` } });
}

describe.skipIf(!available)("container targets", () => {
  let imageId = "";

  beforeAll(() => {
    imageId = buildReferenceImage();
    imageWithCommand(REFERENCE_IMAGE, NEVER_LISTENS_IMAGE, ["/usr/local/bin/node", "-e", "setInterval(() => {}, 1000)"]);
    imageWithCommand(REFERENCE_IMAGE, EXITS_AT_ONCE_IMAGE, ["/usr/local/bin/node", "-e", "console.error('boom: bad token ' + process.env.TEP_TOKEN); process.exit(3)"]);
  });

  afterAll(() => {
    removeImage(NEVER_LISTENS_IMAGE);
    removeImage(EXITS_AT_ONCE_IMAGE);
  });

  it("build-image.sh tags an offline image that runs `serve` on 0.0.0.0:3000 as a non-root user", () => {
    expect(imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(docker("image", "inspect", "--format", "{{.Id}}", REFERENCE_IMAGE)).toBe(imageId);
    const config = JSON.parse(docker("image", "inspect", "--format", "{{json .Config}}", REFERENCE_IMAGE)) as {
      ExposedPorts: Record<string, unknown>;
      Env: string[];
      Cmd: string[];
      User: string;
    };
    expect(Object.keys(config.ExposedPorts)).toEqual(["3000/tcp"]);
    expect(config.Env).toEqual(expect.arrayContaining(["TEP_HOST=0.0.0.0", "TEP_PORT=3000"]));
    expect(config.Cmd).toEqual(["/usr/local/bin/node", "dist/cli/main.js", "serve"]);
    expect(config.User).toBe("node");
  });

  it("build-image.sh is idempotent: unchanged content keeps the same image", () => {
    expect(buildReferenceImage()).toBe(imageId);
  });

  it("starts the image, answers the list on 127.0.0.1 with the default token, and stop() removes it", async () => {
    const { filter, labels } = testLabel();
    const target = await startContainerTarget({ image: REFERENCE_IMAGE, labels });
    try {
      expect(target.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(target.image).toEqual({ name: REFERENCE_IMAGE, id: imageId });
      expect(containersLabelled(filter)).toHaveLength(1);
      expect(containersLabelled(`tep-conformance=1`)).toContain(target.containerId.slice(0, 12));
      const response = await listWith(target, ADMIN_TOKEN);
      expect(response.status).toBe(200);
      expect(Array.isArray(await response.json())).toBe(true);
    } finally {
      await target.stop();
    }
    expect(containerExists(target.containerId)).toBe(false);
    expect(containersLabelled(filter)).toEqual([]);
    await expect(target.stop()).resolves.toBeUndefined();
  });

  it("passes env to the container: TEP_TOKEN replaces the default token", async () => {
    const { filter, labels } = testLabel();
    const target = await startContainerTarget({ image: REFERENCE_IMAGE, env: { TEP_TOKEN: "rotated-token" }, labels });
    try {
      expect((await listWith(target, "rotated-token")).status).toBe(200);
      expect((await listWith(target, ADMIN_TOKEN)).status).toBe(401);
    } finally {
      await target.stop();
    }
    expect(containersLabelled(filter)).toEqual([]);
  });

  it("fails with image-unavailable for an image that is neither local nor pullable, and creates nothing", async () => {
    const { filter, labels } = testLabel();
    const image = "tep-conformance-test/does-not-exist:never";
    const failure = await startContainerTarget({ image, labels }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContainerTargetError);
    expect(failure).toMatchObject({ code: "image-unavailable" });
    expect((failure as Error).message).toContain(`image "${image}" is not present locally and could not be pulled`);
    expect(containersLabelled(filter)).toEqual([]);
  });

  it("gives up after startupTimeoutMs when the server never listens, and removes the container", async () => {
    const { filter, labels } = testLabel();
    const startedAt = Date.now();
    const failure = await startContainerTarget({ image: NEVER_LISTENS_IMAGE, startupTimeoutMs: 3_000, labels }).catch(
      (error: unknown) => error,
    );
    const elapsed = Date.now() - startedAt;
    expect(failure).toMatchObject({ code: "startup-failed" });
    expect((failure as Error).message).toContain(`got no HTTP answer to GET ${LIST_PATH} on container port 3000 within 3000 ms`);
    expect(elapsed).toBeGreaterThanOrEqual(3_000);
    expect(elapsed).toBeLessThan(20_000);
    expect(containersLabelled(filter)).toEqual([]);
  });

  it("fails fast, with the container's last output (secrets masked), when the container exits before answering", async () => {
    const { filter, labels } = testLabel();
    const startedAt = Date.now();
    const env = { TEP_TOKEN: "s3cret-token-value" };
    const failure = await startContainerTarget({ image: EXITS_AT_ONCE_IMAGE, startupTimeoutMs: 30_000, env, labels }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: "startup-failed" });
    // Exit code only when it exited before its port was bound (testcontainers then leaves the container to us).
    expect((failure as Error).message).toMatch(
      new RegExp(`^container from image "${EXITS_AT_ONCE_IMAGE}" exited( \\(exit code 3\\))? before answering; its last output:`),
    );
    expect((failure as Error).message).toContain("boom: bad token ***");
    expect((failure as Error).message).not.toContain(env.TEP_TOKEN);
    expect(Date.now() - startedAt).toBeLessThan(20_000);
    expect(containersLabelled(filter)).toEqual([]);
  });
});
