/**
 * Vitest global setup: the end-to-end suites run the real CLI (bin/calendar-api.js imports dist/), and the job
 * queue crash test a worker script that imports dist/, so dist/ must match src/. Before a run that includes
 * such a file, compiles with tsconfig.build.json when any src/**\/*.ts is newer than its dist/**\/*.js (or
 * has none). Runs without them cost one directory walk.
 */
import { execFile } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function* typescriptFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* typescriptFiles(path);
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) yield path;
  }
}

/** The first source file whose compiled output is missing or older; null when dist/ is current. */
export function staleSource(root = ROOT): string | null {
  for (const source of typescriptFiles(join(root, "src"))) {
    const output = join(root, "dist", relative(join(root, "src"), source)).replace(/\.ts$/, ".js");
    let built: number;
    try {
      built = statSync(output).mtimeMs;
    } catch {
      return source;
    }
    if (statSync(source).mtimeMs > built) return source;
  }
  return null;
}

/** Test files that run dist/ in a child process: the end-to-end suites, and the job queue crash test's worker. */
const USES_DIST = ["/test/e2e/", "/test/contract/jobQueue.crash.test.ts"];

/** True when the run's file filters select at least one file that uses dist/ (no filters: every file). */
async function runIncludesE2e(project: TestProject): Promise<boolean> {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!filters || filters.length === 0) return true;
  const specs = await project.vitest.globTestSpecifications(filters);
  return specs.some((spec) => USES_DIST.some((part) => spec.moduleId.includes(part)));
}

export default async function setup(project: TestProject): Promise<void> {
  if (!(await runIncludesE2e(project))) return;
  const stale = staleSource();
  if (stale === null) return;
  const started = performance.now();
  process.stderr.write(`e2e: dist/ is older than ${relative(ROOT, stale)}; compiling (npx tsc -p tsconfig.build.json)…\n`);
  try {
    await promisify(execFile)("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    // tsc still emits on type errors (noEmitOnError is off): report them and let the suites judge the build.
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    process.stderr.write(`e2e: tsc reported errors; dist/ was emitted anyway:\n${stdout ?? ""}${stderr ?? ""}\n`);
  }
  process.stderr.write(`e2e: compiled in ${Math.round(performance.now() - started)} ms\n`);
}
