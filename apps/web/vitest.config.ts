import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Router tests run against real databases (PGlite, and PostgreSQL when TEST_DATABASE_URL is set);
// files run one at a time to keep a 2-core machine responsive.
export default defineConfig({
  // tsconfig keeps JSX for Next to compile; component tests need it compiled here.
  oxc: { jsx: { runtime: "automatic" } },
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./src", import.meta.url)),
      // `server-only` throws outside React server components; tests are server code.
      "server-only": fileURLToPath(new URL("./src/server/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // In CI every test is listed, so the log shows each database test running on [pglite] and [postgres].
    reporters: process.env.CI ? ["verbose"] : ["default"],
  },
});
