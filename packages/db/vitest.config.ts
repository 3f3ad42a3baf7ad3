import { defineConfig } from "vitest/config";

// In CI every test is listed, so the log shows each database test running on [pglite] and [postgres].
const CI_REPORTERS = process.env.CI ? ["verbose"] : ["default"];

// Database tests share one PostgreSQL server; files run one at a time to keep 2 cores responsive.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: CI_REPORTERS,
  },
});
