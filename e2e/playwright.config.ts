import { chromium, defineConfig, devices } from "@playwright/test";
import { baseUrl, isCi, resolveChromiumPath } from "./env";
import { ROLE_PROJECTS } from "./support/roles";

function findPlaywrightBrowser(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

const executablePath = resolveChromiumPath(findPlaywrightBrowser());
if (!executablePath) {
  throw new Error(
    "No Chromium found for the end-to-end tests. Install Debian's package (`apt-get install chromium`), " +
      "set CHROMIUM_PATH to a Chromium binary, or run `npx playwright install chromium`.",
  );
}

export default defineConfig({
  testDir: "tests",
  outputDir: "../test-results/e2e",
  // The role flows share one seeded database and build on each other's effects.
  fullyParallel: false,
  workers: 1,
  forbidOnly: isCi,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: isCi ? [["list"], ["html", { open: "never", outputFolder: "../playwright-report" }]] : [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL: baseUrl,
    viewport: { width: 1366, height: 768 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: ROLE_PROJECTS.map((project) => ({
    name: project.name,
    testDir: `tests/${project.name}`,
    dependencies: project.dependencies,
    ...(project.storageState ? { use: { storageState: project.storageState } } : {}),
  })),
  webServer: {
    // Resets and seeds the dedicated database, builds and starts the app: see support/serve.ts.
    command: "npx tsx support/serve.ts",
    url: `${baseUrl}/sign-in`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
