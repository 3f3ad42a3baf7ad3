#!/usr/bin/env node
// Serves the built app as `next start` does, and records on every request the address of the
// connection's other end. Next.js keeps a client's own X-Forwarded-For and drops the socket address
// when one is sent, so without this the app could not tell a forged header from a proxy's.
import { createServer } from "node:http";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import next from "next";

/** Must match PEER_ADDRESS_HEADER in src/server/request-meta.ts. */
const PEER_ADDRESS_HEADER = "x-creditseg-peer-address";

// `node server.mjs --port 3000 --hostname 0.0.0.0`, the options of `next start`.
const { values } = parseArgs({
  options: { port: { type: "string", short: "p", default: "3000" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port);
const hostname = values.hostname ?? "0.0.0.0";
const app = next({ dev: false, dir: dirname(fileURLToPath(import.meta.url)), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // Replaces whatever a client sent under this name.
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((error) => {
    console.error(`[server] request failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => console.log(`CreditSeg listening on http://${hostname}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Open keep-alive connections would hold close() forever; give them a moment, then leave.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
