import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/.turbo/**",
      "**/next-env.d.ts",
      "**/drizzle/**",
      "bench/work/**",
      "**/test-results/**",
      "**/playwright-report/**",
      "e2e/artifacts/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        TextDecoder: "readonly",
        TextEncoder: "readonly",
        fetch: "readonly",
        performance: "readonly",
        structuredClone: "readonly",
        AbortController: "readonly",
        Response: "readonly",
        Request: "readonly",
        Headers: "readonly",
        window: "readonly",
        document: "readonly",
        navigator: "readonly",
        localStorage: "readonly",
        Blob: "readonly",
        File: "readonly",
        FormData: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment only in env.ts." },
      ],
    },
  },
  {
    files: [
      "**/env.ts",
      "**/*.config.ts",
      "**/*.config.mjs",
      "scripts/**",
      "e2e/**",
      ".ci/**",
      "bench/**",
      "**/bench/**",
      "apps/cli/bin/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["packages/core/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@creditseg/db",
                "@creditseg/db/*",
                "@creditseg/ingest",
                "@creditseg/engine",
                "drizzle-orm",
                "drizzle-orm/*",
                "next",
                "next/*",
                "react",
                "react-dom",
                "node:*",
                "fs",
                "path",
                "os",
                "child_process",
              ],
              message: "packages/core is pure domain logic: no I/O, database, framework or Node imports.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@creditseg/ingest",
                "@creditseg/engine",
                "@creditseg/web",
                "@creditseg/cli",
                "next",
                "next/*",
                "react",
              ],
              message: "Dependencies point one way: core ← db ← ingest / engine ← web / cli.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/ingest/**/*.ts", "packages/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@creditseg/web", "@creditseg/cli", "next", "next/*", "react"],
              message: "Dependencies point one way: core ← db ← ingest / engine ← web / cli.",
            },
          ],
        },
      ],
    },
  },
  {
    // Apps hold no SQL: every read and write is a typed query function in packages/db/src/queries or the engine.
    files: ["apps/**/*.ts", "apps/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@creditseg/db",
              importNames: ["schema"],
              message: "Call a query function from @creditseg/db or @creditseg/engine instead of building SQL in apps.",
            },
          ],
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*", "@creditseg/db/schema"],
              message: "Call a query function from @creditseg/db or @creditseg/engine instead of building SQL in apps.",
            },
          ],
        },
      ],
    },
  },
  {
    // The exceptions: better-auth's Drizzle adapter takes the auth tables, and the sign-in lockout and credential
    // writes sit beside it; the user-management router and the web's audit writer share those tables and
    // transactions; test fixtures write rows the way the seed does.
    files: [
      "apps/web/src/server/auth/**",
      "apps/web/src/server/audit/write-audit.ts",
      "apps/web/src/server/api/routers/user.ts",
      "apps/web/src/server/testing/**",
      "apps/**/*.test.ts",
    ],
    rules: { "no-restricted-imports": "off" },
  },
);
