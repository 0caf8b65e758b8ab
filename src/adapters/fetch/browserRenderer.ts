/**
 * An optional renderer for event pages built by JavaScript: Debian's Chromium driven by playwright-core.
 * One browser, launched on first use and reused; a fresh context (no cookies, no cache) per page.
 */
import type { Browser } from "playwright-core";
import { FetchError } from "../../ports/fetcher.js";
import { raceAbort } from "./abort.js";
import { parseHttpUrl } from "./httpUrl.js";
import { defaultUserAgent } from "./options.js";

/**
 * playwright-core, imported on the first render: it adds about 36 MB of heap and 85 MB of resident memory to a
 * process, which every API and worker process would otherwise carry (and every full GC would mark) whether or
 * not any source needs a browser.
 */
let playwright: Promise<typeof import("playwright-core")> | null = null;
function loadPlaywright(): Promise<typeof import("playwright-core")> {
  playwright ??= import("playwright-core");
  return playwright;
}

export interface BrowserRendererOptions {
  /** Default "/usr/bin/chromium" (Debian's package; playwright's own browser builds are never downloaded). */
  executablePath?: string;
  /** Navigation up to DOMContentLoaded; past it the render fails "timeout" (retryable). Default 15 000. */
  timeoutMs?: number;
  /** Then how long to wait for the network to go idle; the page is taken as it is when this runs out. Default 5 000. */
  idleTimeoutMs?: number;
  /** Default `defaultUserAgent("dev")`, as the fetcher's. */
  userAgent?: string;
  /** Cap on the serialised HTML (UTF-8 bytes); past it the render fails "too-large". Default 10 MiB. */
  maxBytes?: number;
}

export interface RenderedPage {
  /** The final URL after redirects and script navigation. */
  url: string;
  /** The DOM serialised after scripts ran. */
  html: string;
}

export interface BrowserRenderer {
  /**
   * Throws FetchError (as the fetcher does: "timeout", "network", "http-4xx"/"http-5xx"/"http-429" from the page's
   * own status, "too-large", "invalid-url") or, when `signal` aborts, its reason. A browser that cannot be
   * launched rejects with Playwright's error (a deployment problem, not the source's).
   */
  render(url: string, signal?: AbortSignal): Promise<RenderedPage>;
  /** Closes the browser; a later render launches a new one. */
  close(): Promise<void>;
}

/** Headless, no sandbox (containers run us as root), and none of Chromium's own background traffic. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

export function createBrowserRenderer(options: BrowserRendererOptions = {}): BrowserRenderer {
  const executablePath = options.executablePath ?? "/usr/bin/chromium";
  const timeoutMs = options.timeoutMs ?? 15_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 5_000;
  const userAgent = options.userAgent ?? defaultUserAgent("dev");
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  let launching: Promise<Browser> | null = null;

  function browser(): Promise<Browser> {
    if (!launching) {
      const started = loadPlaywright().then(({ chromium }) => chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: timeoutMs }));
      launching = started;
      // A crashed or failed browser is forgotten, so the next render launches a new one.
      started.then(
        (b) => b.on("disconnected", () => { if (launching === started) launching = null; }),
        () => { if (launching === started) launching = null; },
      );
    }
    return launching;
  }

  async function render(href: string, signal?: AbortSignal): Promise<RenderedPage> {
    signal?.throwIfAborted();
    const url = parseHttpUrl(href);
    const creating = browser().then((b) => b.newContext({ userAgent, acceptDownloads: false, serviceWorkers: "block" }));
    const context = await raceAbort(creating, signal).catch((error: unknown) => {
      // Aborted while launching or creating: close the context whenever it arrives.
      void creating.then((c) => c.close()).catch(() => undefined);
      throw error;
    });
    try {
      // Every step races the caller's signal: Playwright calls can hang when their context closes under them.
      const page = await raceAbort(context.newPage(), signal);
      const response = await raceAbort(page.goto(url.href, { waitUntil: "domcontentloaded", timeout: timeoutMs }), signal);
      const status = response?.status() ?? 200;
      if (status === 429) throw new FetchError("http-429", `${url.href} answered 429`, true, status);
      if (status >= 500) throw new FetchError("http-5xx", `${url.href} answered ${status}`, true, status);
      if (status >= 400) throw new FetchError("http-4xx", `${url.href} answered ${status}`, false, status);
      // No idle network within the budget (polling, analytics) is normal: take the page as it is.
      await raceAbort(page.waitForLoadState("networkidle", { timeout: idleTimeoutMs }).catch(() => undefined), signal);
      const html = await raceAbort(page.content(), signal);
      if (Buffer.byteLength(html) > maxBytes) throw new FetchError("too-large", `${url.href}: rendered HTML exceeds ${maxBytes} bytes`, false);
      return { url: page.url(), html };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof FetchError) throw error;
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      throw new FetchError(timedOut ? "timeout" : "network", `${url.href}: ${message}`, true, undefined, { cause: error });
    } finally {
      // Closing the context ends the page's work; after an abort it is not waited for.
      const closing = context.close().catch(() => undefined);
      if (!signal?.aborted) await closing;
    }
  }

  return {
    render,
    async close() {
      const pending = launching;
      launching = null;
      if (pending) await pending.then((b) => b.close()).catch(() => undefined);
    },
  };
}
