// Opens a local HTML file in real headless Chromium with JavaScript disabled, and returns the DOM the browser
// built (plus an optional screenshot). Driven over the DevTools protocol on a pipe (--remote-debugging-pipe):
// `--dump-dom` cannot be used because it reads the DOM with JavaScript, so with `--blink-settings=scriptEnabled=false`
// it prints nothing, and `--disable-javascript` is not a Chromium switch at all (scripts still run). Here scripts
// are switched off per page with Emulation.setScriptExecutionDisabled and the DOM is read with DOM.getOuterHTML.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { pathToFileURL } from "node:url";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumMissingReason(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `headless Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`;
}

interface CdpMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message: string };
  params?: Record<string, unknown>;
}

export interface RenderedPage {
  /** document.documentElement.outerHTML as the browser built it, scripts disabled. */
  readonly dom: string;
}

/** Loads `htmlFile` with scripts disabled; writes a PNG of the 1280×2000 (or ×height) viewport to `screenshotFile` when given. */
export async function renderWithoutJavaScript(htmlFile: string, options: { screenshotFile?: string; timeoutMs?: number; height?: number } = {}): Promise<RenderedPage> {
  const profile = await mkdtemp(join(tmpdir(), "tep-chromium-"));
  const child = spawn(
    CHROMIUM,
    ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", `--user-data-dir=${profile}`, "--window-size=1280,2000", "--remote-debugging-pipe", "about:blank"],
    // fd 3 is what Chromium reads commands from, fd 4 where it writes answers (--remote-debugging-pipe).
    { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const pending = new Map<number, { resolve: (m: CdpMessage) => void; reject: (e: Error) => void }>();
  const eventWaiters: Array<{ method: string; resolve: () => void }> = [];
  let nextId = 1;
  let buffer = "";
  fromBrowser.setEncoding("utf8");
  fromBrowser.on("data", (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf("\0"); end >= 0; end = buffer.indexOf("\0")) {
      const message = JSON.parse(buffer.slice(0, end)) as CdpMessage;
      buffer = buffer.slice(end + 1);
      if (message.id !== undefined) {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(`CDP: ${message.error.message}`));
        else waiter?.resolve(message);
      } else if (message.method) {
        for (const w of eventWaiters.filter((x) => x.method === message.method)) w.resolve();
      }
    }
  });
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<CdpMessage> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + "\0");
    });
  const event = (method: string): Promise<void> => new Promise((resolve) => eventWaiters.push({ method, resolve }));

  const timeoutMs = options.timeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`headless Chromium did not finish within ${timeoutMs}ms`)), timeoutMs);
  });
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`headless Chromium exited early (code ${code})`))));

  const work = async (): Promise<RenderedPage> => {
    const created = await send("Target.createTarget", { url: "about:blank" });
    const attached = await send("Target.attachToTarget", { targetId: created.result?.targetId, flatten: true });
    const session = attached.result?.sessionId as string;
    await send("Page.enable", {}, session);
    await send("Emulation.setScriptExecutionDisabled", { value: true }, session);
    await send("Emulation.setDeviceMetricsOverride", { width: 1280, height: options.height ?? 2000, deviceScaleFactor: 1, mobile: false }, session);
    const loaded = event("Page.loadEventFired");
    await send("Page.navigate", { url: pathToFileURL(htmlFile).href }, session);
    await loaded;
    const doc = await send("DOM.getDocument", { depth: -1 }, session);
    const root = doc.result?.root as { nodeId: number };
    const html = await send("DOM.getOuterHTML", { nodeId: root.nodeId }, session);
    if (options.screenshotFile) {
      const shot = await send("Page.captureScreenshot", { format: "png" }, session);
      await writeFile(options.screenshotFile, Buffer.from(shot.result?.data as string, "base64"));
    }
    return { dom: html.result?.outerHTML as string };
  };

  try {
    return await Promise.race([work(), deadline, exited]);
  } finally {
    clearTimeout(timer);
    exited.catch(() => undefined);
    if (child.exitCode === null) {
      // Ask politely so Chromium takes its renderer and zygote processes with it; kill only if it does not go.
      const gone = new Promise((resolve) => child.once("exit", resolve));
      send("Browser.close").catch(() => undefined);
      const stubborn = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await gone;
      clearTimeout(stubborn);
    }
    await rm(profile, { recursive: true, force: true });
  }
}
