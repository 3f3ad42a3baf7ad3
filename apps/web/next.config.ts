import type { NextConfig } from "next";
// Validates the environment when the config loads, so a bad value fails `next build` and `next start`.
import { env, isHttpsApp } from "./src/env";
import { buildSecurityHeaders } from "./src/server/http/security-headers";

const securityHeaders = buildSecurityHeaders({ isDev: env.NODE_ENV === "development", isHttps: isHttpsApp });

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Workspace packages ship TypeScript source.
  transpilePackages: ["@creditseg/core", "@creditseg/db", "@creditseg/ingest", "@creditseg/engine"],
  // Native-ish or wasm-backed server libraries load from node_modules at run time rather than being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "exceljs"],
  headers() {
    return Promise.resolve([{ source: "/:path*", headers: securityHeaders }]);
  },
};

export default config;
