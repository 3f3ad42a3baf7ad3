import type { NextConfig } from "next";
// Validates the environment when the config loads, so a bad value fails `next build` and `next start`.
import { env } from "./src/env";

const isDev = env.NODE_ENV === "development";

/**
 * Content Security Policy: everything from our own origin; inline scripts and styles are allowed
 * because Next.js injects them for hydration; `unsafe-eval` only in development (React refresh).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

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
