import type { Browser } from "playwright-core";
import { openExportPage, type ExportPage } from "./exportPage";

/** Starts a browser (browser.ts's `launchBrowser`, passed in so this module does not import browser.ts, which imports it). */
export type BrowserLauncher = () => Promise<Browser>;

/** Minutes a shared browser stays open without an export before it is closed. */
const IDLE_MS = 10 * 60_000;

/**
 * The process-wide export browser. It lives on `globalThis`, not in module
 * variables, so a kernel that reloads modules still reuses (and closes) the
 * same Chromium.
 */
interface SharedExport {
  browser?: Promise<Browser> | undefined;
  page?: Promise<ExportPage> | undefined;
  idle?: ReturnType<typeof setTimeout> | undefined;
  /** Jobs on the shared page run one after another: the PDF route resizes the page. */
  queue: Promise<unknown>;
}

declare global {
  /** The kernel's shared export browser, one per process (shared by every copy of this module the process loads). */
  var __churnlabExport: SharedExport | undefined;
}

function shared(): SharedExport {
  globalThis.__churnlabExport ??= { queue: Promise.resolve() };
  return globalThis.__churnlabExport;
}

async function sharedBrowserOf(state: SharedExport, launch: BrowserLauncher): Promise<Browser> {
  if (state.browser !== undefined) {
    const browser = await state.browser.catch(() => undefined);
    if (browser?.isConnected()) return browser;
    state.browser = undefined;
    state.page = undefined;
  }
  const launching = launch();
  state.browser = launching;
  const browser = await launching.catch((err: unknown) => {
    if (state.browser === launching) state.browser = undefined;
    throw err;
  });
  browser.on("disconnected", () => {
    if (state.browser === launching) {
      state.browser = undefined;
      state.page = undefined;
    }
  });
  return browser;
}

async function sharedPage(state: SharedExport, launch: BrowserLauncher): Promise<ExportPage> {
  const browser = await sharedBrowserOf(state, launch);
  state.page ??= openExportPage(browser);
  try {
    return await state.page;
  } catch (err) {
    state.page = undefined;
    throw err;
  }
}

/** Runs `fn` on the shared state, one call at a time, and (re)arms the idle close. */
function queued<T>(state: SharedExport, fn: () => Promise<T>): Promise<T> {
  const run = state.queue.then(async () => {
    if (state.idle !== undefined) clearTimeout(state.idle);
    try {
      return await fn();
    } finally {
      state.idle = setTimeout(() => void closeSharedBrowser(), IDLE_MS);
      state.idle.unref();
    }
  });
  state.queue = run.catch(() => undefined);
  return run;
}

/**
 * Runs `fn` with the process's shared export page (one headless Chromium with
 * Plotly loaded), launching it on first use. Calls run one at a time. The
 * browser closes after 10 minutes without an export, or with
 * {@link closeSharedBrowser}; a closed or crashed browser is relaunched on
 * the next call. Meant for long-lived processes such as a notebook kernel,
 * where the second and later exports then skip Chromium's start and
 * Plotly's load (seconds each).
 *
 * @param launch - how to start the browser (`launchBrowser`).
 * @throws Error when Chromium is missing (run `npm run setup`) or Plotly does not load; whatever `fn` throws.
 * @example
 * await withSharedExportPage(async ({ page }) => page.evaluate(() => typeof Plotly), launchBrowser); // "object"
 */
export async function withSharedExportPage<T>(fn: (target: ExportPage) => Promise<T>, launch: BrowserLauncher): Promise<T> {
  const state = shared();
  return queued(state, async () => fn(await sharedPage(state, launch)));
}

/**
 * Runs `fn` with the process's shared browser (the one {@link withSharedExportPage}
 * uses), launching it on first use; `fn` opens and closes its own pages.
 * Calls run one at a time. For long-lived processes (a notebook kernel).
 *
 * @throws Error when Chromium is missing; whatever `fn` throws.
 * @example
 * await withSharedBrowser(async (browser) => renderHtmlToPdf(html, "page.pdf", { browser }), launchBrowser);
 */
export async function withSharedBrowser<T>(fn: (browser: Browser) => Promise<T>, launch: BrowserLauncher): Promise<T> {
  const state = shared();
  return queued(state, async () => fn(await sharedBrowserOf(state, launch)));
}

/**
 * Closes the shared export browser, if one is open (the next export launches
 * a new one).
 *
 * @example
 * await closeSharedBrowser();
 */
export async function closeSharedBrowser(): Promise<void> {
  const state = shared();
  if (state.idle !== undefined) clearTimeout(state.idle);
  const browser = state.browser;
  state.browser = undefined;
  state.page = undefined;
  if (browser !== undefined) await (await browser.catch(() => undefined))?.close();
}

/**
 * Whether the shared export browser is open (launched and connected).
 *
 * @example
 * isSharedBrowserOpen(); // false before the first export
 */
export async function isSharedBrowserOpen(): Promise<boolean> {
  const browser = await shared().browser?.catch(() => undefined);
  return browser?.isConnected() === true;
}
