import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/.tsbuild/**",
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
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // Each file is checked against the tsconfig that includes it (one TypeScript program per package).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}", "bench/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    ...nextPlugin.configs["core-web-vitals"],
    settings: { next: { rootDir: "apps/web" } },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment only in env.ts." },
      ],
    },
  },
  {
    // Matchers (`expect.any`, `expect.stringContaining`) and parsed JSON are typed `any`, and async stubs stand in
    // for async interfaces without awaiting anything: in tests those are the point, not a slip.
    files: ["**/*.test.ts", "**/*.test.tsx", "**/*.spec.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Plain JavaScript entry points and the web app's load-test script (autocannon ships no types) are outside
    // every tsconfig: lint them without type information.
    files: ["**/*.mjs", "apps/web/bench/**"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: [
      "**/env.ts",
      "**/*.config.ts",
      "**/*.config.mjs",
      "scripts/**",
      "infra/**",
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
    // Tests may read the tables directly to check what the code under test wrote.
    files: ["apps/**/*.test.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
