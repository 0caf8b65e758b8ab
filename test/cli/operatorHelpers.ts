/** Helpers of the operator command tests: captured CLI IO with a fixed clock, temporary directories, JSON log lines. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { CliIo } from "../../src/main/io.js";

export interface CapturedIo {
  io: CliIo;
  out: () => string;
  err: () => string;
}

/** IO that records stdout/stderr, reads real files and answers `now` with `now` (default the real time). */
export function captureIo(now: number = Date.now()): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
      readStdin: async function* () {},
      now: () => now,
      readFile: (p) => readFile(p, "utf8"),
    },
    out: () => out.join(""),
    err: () => err.join(""),
  };
}

/** A fresh temporary directory and its removal. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `calendar-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes JSON lines (gzip-compressed when the name ends in .gz). */
export function writeJsonLines(path: string, records: Array<Record<string, unknown>>): void {
  const text = records.map((r) => `${JSON.stringify(r)}\n`).join("");
  writeFileSync(path, path.endsWith(".gz") ? gzipSync(text) : text);
}

/** `ms` before `now` as pino's ISO time. */
export function isoAgo(now: number, ms: number): string {
  return new Date(now - ms).toISOString();
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
