#!/usr/bin/env node
// The `calendar-api` command: runs the compiled CLI (built by `npm ci` through the `prepare` script).
import { main } from "../dist/main/cli.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`calendar-api: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
