import { defineConfig } from "vitest/config";

// Database tests share one PostgreSQL server; files run one at a time to keep 2 cores responsive.
export default defineConfig({ test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 120_000, fileParallelism: false } });
