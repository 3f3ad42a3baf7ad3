#!/usr/bin/env node
// The CLI ships as TypeScript source (like every workspace package); tsx compiles it on load.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv);
