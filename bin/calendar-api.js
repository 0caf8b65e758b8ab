#!/usr/bin/env node
// The `calendar-api` command: runs the compiled CLI (built by `npm ci` through the `prepare` script).
import { main } from "../dist/main/cli.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // A cluster worker's IPC channel (or a stray handle) would keep the process alive after its command is
    // done; give pending output a moment to drain, then leave.
    setTimeout(() => process.exit(code), 1_000).unref();
  },
  (error) => {
    process.stderr.write(`calendar-api: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
