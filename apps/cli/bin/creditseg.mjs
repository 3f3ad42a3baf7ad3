#!/usr/bin/env node
// The CLI ships as TypeScript source (like every workspace package); tsx compiles it on load.
import { register } from "tsx/esm/api";

register();
// A reader that stops early (`creditseg … | head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv);
