import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type PageTimings = { signIn: number[]; dashboard: number[]; customers: number[] };

/**
 * Times, in a real Chromium, how long the dashboard and the customer list take from navigation until
 * their data is on screen (no loading placeholder left and a table row shown), signed in as a risk
 * manager who sees every customer. Baseline: the sign-in page, which reads no data, in the same browser.
 */
export async function measurePages(
  origin: string,
  args: { repeats: number; email: string; password: string },
): Promise<PageTimings> {
  const executablePath =
    process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ baseURL: origin, viewport: { width: 1366, height: 768 } });
    const signedIn = await context.request.post("/api/auth/sign-in/email", {
      data: { email: args.email, password: args.password },
      headers: { origin },
    });
    if (!signedIn.ok()) throw new Error(`sign-in for the page benchmark failed: HTTP ${signedIn.status()}`);
    const page = await context.newPage();
    const timeUntilReady = async (path: string, isReady: () => boolean): Promise<number> => {
      const started = performance.now();
      await page.goto(path);
      await page.waitForFunction(isReady, undefined, { timeout: 60_000, polling: 20 });
      return performance.now() - started;
    };
    const hasData = () =>
      document.querySelectorAll(".skeleton").length === 0 && document.querySelector("main table tbody tr") !== null;
    const hasForm = () => document.querySelector("form input[type=password]") !== null;
    // Warm-up: the first visit compiles nothing in production, but fills the server's per-run caches.
    await timeUntilReady("/", hasData);
    await timeUntilReady("/customers", hasData);
    const timings: PageTimings = { signIn: [], dashboard: [], customers: [] };
    for (let i = 0; i < args.repeats; i++) {
      timings.dashboard.push(await timeUntilReady("/", hasData));
      timings.customers.push(await timeUntilReady("/customers", hasData));
    }
    const anonymous = await browser.newPage({ baseURL: origin });
    for (let i = 0; i < args.repeats; i++) {
      const started = performance.now();
      await anonymous.goto("/sign-in");
      await anonymous.waitForFunction(hasForm, undefined, { timeout: 60_000, polling: 20 });
      timings.signIn.push(performance.now() - started);
    }
    return timings;
  } finally {
    await browser.close();
  }
}
