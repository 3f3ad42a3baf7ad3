import { defineConfig } from "vitest/config";

// Database tests share one PostgreSQL server; files run one at a time to keep 2 cores responsive.
export default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 300_000, hookTimeout: 300_000, fileParallelism: false } });
