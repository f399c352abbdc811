import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser";
import { openExportPage, type ExportPage } from "./exportPage";

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

function shared(): SharedExport {
  const holder = globalThis as typeof globalThis & { __churnlabExport?: SharedExport };
  holder.__churnlabExport ??= { queue: Promise.resolve() };
  return holder.__churnlabExport;
}

async function sharedPage(state: SharedExport): Promise<ExportPage> {
  if (state.browser !== undefined) {
    const browser = await state.browser.catch(() => undefined);
    if (browser === undefined || !browser.isConnected()) {
      state.browser = undefined;
      state.page = undefined;
    }
  }
  if (state.browser === undefined) {
    const launching = launchBrowser();
    state.browser = launching;
    launching.then((browser) => browser.on("disconnected", () => {
      if (state.browser === launching) {
        state.browser = undefined;
        state.page = undefined;
      }
    }), () => undefined);
  }
  const browser = state.browser;
  state.page ??= browser.then((b) => openExportPage(b));
  try {
    return await state.page;
  } catch (err) {
    state.page = undefined;
    throw err;
  }
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
 * @throws Error when Chromium is missing (run `npm run setup`) or Plotly does not load; whatever `fn` throws.
 * @example
 * await withSharedExportPage(async ({ page }) => page.evaluate(() => typeof Plotly)); // "object"
 */
export async function withSharedExportPage<T>(fn: (target: ExportPage) => Promise<T>): Promise<T> {
  const state = shared();
  const run = state.queue.then(async () => {
    if (state.idle !== undefined) clearTimeout(state.idle);
    try {
      return await fn(await sharedPage(state));
    } finally {
      state.idle = setTimeout(() => void closeSharedBrowser(), IDLE_MS);
      state.idle.unref();
    }
  });
  state.queue = run.catch(() => undefined);
  return run;
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
