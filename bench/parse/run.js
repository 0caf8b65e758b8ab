/**
 * Parse benchmark: our `parse` against chrono-node and Sherlock on the same texts in the same run.
 * Also each contender alone in a process of its own ("isolated"), as a service runs one parser.
 *
 * Texts: the golden event sets (test/data/golden) and the Duckling-derived set (test/data/duckling),
 * reported separately and combined. Speed: warm-up passes, then rounds in which every contender parses
 * every text once, contender order rotated per round; median/min/p90 of µs per text across rounds, and ours ÷ chrono
 * paired within each round.
 * Memory: bytes allocated per parse; with --expose-gc also bytes retained per kept result.
 *
 * Usage: node --expose-gc bench/parse/run.js [--rounds N] [--warmup N] [--isolated N] [--isolated-warmup N] [--json]
 * Reads ../../dist, so build first (npm run build). See README.md beside this file.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import v8 from "node:v8";
import * as chrono from "chrono-node";
import Sherlock from "sherlockjs";
import { parse } from "../../dist/index.js";

const ROOT = new URL("../../", import.meta.url);
const GOLDEN_FILES = ["test/data/golden/events-dev.jsonl", "test/data/golden/events-extra.jsonl"];
const DUCKLING_FILE = "test/data/duckling/duckling-dev.jsonl";
const DUCKLING_ZONE = "Etc/GMT+2";
const DEFAULT_ROUNDS = 15;
const DEFAULT_WARMUP_PASSES = 20;
const DEFAULT_ISOLATED_RUNS = 0;
/**
 * Warm-up passes of an isolated contender. Alone, the JIT settles later than with the others warming the same
 * built-ins: a per-pass trace of ours on the golden texts kept optimising functions until about pass 30.
 */
const DEFAULT_ISOLATED_WARMUP_PASSES = 60;
const MEMORY_PASSES = 10;
const RETAINED_PASSES = 10;

/** Where each contender's result goes, so no parse can be optimised away. */
let sink;

// ---------------------------------------------------------------- input

/**
 * Command-line options: `--rounds N`, `--warmup N`, `--isolated N` (processes per contender, 0 for none),
 * `--isolated-warmup N` and `--json`; `--alone NAME` is how the script runs itself as one isolated contender.
 */
function readArgs(argv) {
  const args = { rounds: DEFAULT_ROUNDS, warmup: DEFAULT_WARMUP_PASSES, isolated: DEFAULT_ISOLATED_RUNS, isolatedWarmup: DEFAULT_ISOLATED_WARMUP_PASSES, alone: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") args.json = true;
    else if (argv[i] === "--rounds") args.rounds = Number(argv[++i]);
    else if (argv[i] === "--warmup") args.warmup = Number(argv[++i]);
    else if (argv[i] === "--isolated") args.isolated = Number(argv[++i]);
    else if (argv[i] === "--isolated-warmup") args.isolatedWarmup = Number(argv[++i]);
    else if (argv[i] === "--alone") args.alone = argv[++i];
    else throw new Error(`unknown argument: ${argv[i]} (use --rounds N, --warmup N, --isolated N, --isolated-warmup N, --json)`);
  }
  if (!Number.isInteger(args.rounds) || args.rounds < 1) throw new Error("--rounds needs a positive integer");
  if (!Number.isInteger(args.warmup) || args.warmup < 0) throw new Error("--warmup needs a non-negative integer");
  if (!Number.isInteger(args.isolated) || args.isolated < 0) throw new Error("--isolated needs a non-negative integer");
  if (!Number.isInteger(args.isolatedWarmup) || args.isolatedWarmup < 0) throw new Error("--isolated-warmup needs a non-negative integer");
  if (args.alone !== null && !CONTENDERS.some((c) => c.name === args.alone)) throw new Error(`--alone needs one of ${CONTENDERS.map((c) => c.name).join(", ")}`);
  return args;
}

/** The records of a JSONL file under the project root; none when the file is missing or empty. */
function readJsonl(path) {
  const url = new URL(path, ROOT);
  if (!existsSync(url)) return [];
  return readFileSync(url, "utf8").split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line));
}

/** UTC offset of `zone` at `date` in minutes east of UTC (New York in winter: -300). */
function offsetMinutes(zone, date) {
  const format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
  const name = format.formatToParts(date).find((part) => part.type === "timeZoneName").value;
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** One text with everything every contender needs, computed before any timing. */
function toCase(text, reference, zone) {
  if (!/(Z|[+-]\d\d:\d\d)$/.test(reference)) throw new Error(`reference without an offset: ${reference}`);
  const refDate = new Date(reference);
  return { text, reference, zone, refDate, offsetMinutes: offsetMinutes(zone, refDate) };
}

/** The two text sets: golden (its own reference and zone per record) and Duckling (fixed UTC−2 zone). */
function loadSets() {
  const golden = GOLDEN_FILES.flatMap(readJsonl).map((r) => toCase(r.text, r.reference, r.timezone));
  const duckling = readJsonl(DUCKLING_FILE).map((r) => toCase(r.text, r.reference, DUCKLING_ZONE));
  return [
    { name: "golden", cases: golden },
    { name: "duckling", cases: duckling },
  ];
}

/** Warns on stderr when a file under src/ is newer than dist/index.js (the build is stale). */
function warnIfDistStale() {
  const built = statSync(new URL("dist/index.js", ROOT)).mtimeMs;
  const srcDir = new URL("src/", ROOT);
  const newer = readdirSync(srcDir, { recursive: true })
    .filter((file) => file.endsWith(".ts") && statSync(new URL(file, srcDir)).mtimeMs > built);
  if (newer.length > 0) console.error(`warning: dist/ is older than src/ (${newer[0]}, …): run npm run build`);
}

// ---------------------------------------------------------------- contenders

/** The three parsers, each taking a prepared case; `hit` says whether a result found a date. */
const CONTENDERS = [
  {
    name: "ours",
    parse: (c) => parse(c.text, { reference: c.reference, timezone: c.zone }),
    hit: (result) => result.events.length > 0,
  },
  {
    name: "chrono",
    parse: (c) => chrono.parse(c.text, { instant: c.refDate, timezone: c.offsetMinutes }),
    hit: (result) => result.length > 0,
  },
  {
    name: "sherlock",
    parse: (c) => {
      Sherlock._setNow(c.refDate);
      return Sherlock.parse(c.text);
    },
    hit: (result) => result.startDate != null,
  },
];

// ---------------------------------------------------------------- timing

/** Parses every case `passes` times, keeping no result. */
function parseAll(contender, cases, passes = 1) {
  for (let pass = 0; pass < passes; pass++) for (const c of cases) sink = contender.parse(c);
}

/** Parses every case once; returns microseconds per text. */
function timeCases(contender, cases) {
  const start = process.hrtime.bigint();
  parseAll(contender, cases);
  return Number(process.hrtime.bigint() - start) / 1e3 / cases.length;
}

/** The contenders in the order used by round `round`: rotated by one place per round. */
function rotate(list, round) {
  const k = round % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

/** Parses every set `passes` times per contender, untimed, to let the JIT and caches settle. */
function warmUp(sets, passes, contenders = CONTENDERS) {
  for (let pass = 0; pass < passes; pass++) {
    for (const contender of contenders) for (const set of sets) parseAll(contender, set.cases);
  }
}

/**
 * Per contender, per set (plus "combined"): the µs-per-text sample of every round. No forced GC between
 * contenders: a full GC discards compiled regular expressions and cold bytecode, which would time
 * recompilation instead of the steady state.
 */
function runRounds(sets, rounds, contenders = CONTENDERS) {
  const total = sets.reduce((n, set) => n + set.cases.length, 0);
  const samples = Object.fromEntries(contenders.map((c) => [c.name, { combined: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const contender of rotate(contenders, round)) {
      let combinedMicros = 0;
      for (const set of sets) {
        const perText = timeCases(contender, set.cases);
        (samples[contender.name][set.name] ??= []).push(perText);
        combinedMicros += perText * set.cases.length;
      }
      samples[contender.name].combined.push(combinedMicros / total);
    }
  }
  return samples;
}

/** Nearest-rank percentile (0–100) of a list of numbers. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Median, min and p90 of one sample list. */
function summarize(values) {
  return { median: percentile(values, 50), min: Math.min(...values), p90: percentile(values, 90) };
}

/** Per set: each contender's summary and the ours/chrono, ours/sherlock ratios of medians. */
function timingReport(samples, setNames) {
  return Object.fromEntries(
    setNames.map((set) => {
      const bySet = Object.fromEntries(CONTENDERS.map((c) => [c.name, summarize(samples[c.name][set])]));
      // Paired: ours ÷ chrono within each round (the two timed minutes apart at most), then the median of those.
      // A drift in machine speed between rounds cancels out of each pair; it does not out of the ratio of medians.
      const perRound = samples.ours[set].map((micros, round) => micros / samples.chrono[set][round]);
      const ratios = {
        oursOverChrono: bySet.ours.median / bySet.chrono.median,
        oursOverSherlock: bySet.ours.median / bySet.sherlock.median,
        oursOverChronoPaired: summarize(perRound),
      };
      return [set, { ...bySet, ratios }];
    }),
  );
}

// ---------------------------------------------------------------- isolated

/**
 * Each contender alone: `runs` processes per contender, each running this script with `--alone NAME` (its
 * own warm-up and rounds, no other parser loaded), started in turn (ours, chrono, sherlock, ours, …) so a
 * drift in machine speed falls on all alike. In one process the three parsers evict each other's compiled
 * code and data between passes, and each pass starts cold; a service runs one parser. Returns per contender
 * and set the per-round samples of all its processes, and per set ours ÷ chrono paired by process (the
 * median of ours' rounds in its k-th process over chrono's in its k-th).
 */
function runIsolated(args, setNames) {
  const samples = Object.fromEntries(CONTENDERS.map((c) => [c.name, Object.fromEntries(setNames.map((s) => [s, []]))]));
  const medians = Object.fromEntries(CONTENDERS.map((c) => [c.name, Object.fromEntries(setNames.map((s) => [s, []]))]));
  const script = new URL(import.meta.url).pathname;
  for (let run = 0; run < args.isolated; run++) {
    for (const contender of rotate(CONTENDERS, run)) {
      const child = spawnSync(process.execPath, [script, "--alone", contender.name, "--rounds", String(args.rounds), "--warmup", String(args.isolatedWarmup)], { encoding: "utf8", maxBuffer: 16 * 2 ** 20 });
      if (child.status !== 0) throw new Error(`isolated ${contender.name} failed: ${child.stderr.trim().split("\n").pop()}`);
      const alone = JSON.parse(child.stdout);
      for (const set of setNames) {
        samples[contender.name][set].push(...alone[set]);
        medians[contender.name][set].push(percentile(alone[set], 50));
      }
    }
  }
  return Object.fromEntries(
    setNames.map((set) => {
      const bySet = Object.fromEntries(CONTENDERS.map((c) => [c.name, summarize(samples[c.name][set])]));
      const perRun = medians.ours[set].map((micros, run) => micros / medians.chrono[set][run]);
      const ratios = { oursOverChrono: bySet.ours.median / bySet.chrono.median, oursOverSherlock: bySet.ours.median / bySet.sherlock.median, oursOverChronoPaired: summarize(perRun) };
      return [set, { ...bySet, ratios }];
    }),
  );
}

/** As a child of `runIsolated`: one contender's warm-up and rounds; prints its per-round samples as JSON. */
function runAlone(args) {
  const sets = loadSets();
  const contender = CONTENDERS.filter((c) => c.name === args.alone);
  warmUp(sets, args.warmup, contender);
  console.log(JSON.stringify(runRounds(sets, args.rounds, contender)[args.alone]));
}

// ---------------------------------------------------------------- memory

/**
 * Bytes allocated on the V8 heap while `work` runs. Node 20 has no allocation counter, so this uses
 * used-after = used-before + allocated - freed, where freed is what every GC during `work` reclaimed
 * (used size before minus after, from v8.GCProfiler). Anything else allocated meanwhile (e.g. JIT
 * code) is included. No GC is forced, so it needs no --expose-gc.
 */
function allocatedBytes(work) {
  const profiler = new v8.GCProfiler();
  profiler.start();
  const before = v8.getHeapStatistics().used_heap_size;
  work();
  const after = v8.getHeapStatistics().used_heap_size;
  const freed = profiler.stop().statistics.reduce(
    (sum, gc) => sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize,
    0,
  );
  return after - before + freed;
}

/** Used bytes of the heap spaces that hold data, i.e. all but the code spaces. */
function dataHeapUsed() {
  return v8
    .getHeapSpaceStatistics()
    .filter((space) => !space.space_name.startsWith("code"))
    .reduce((sum, space) => sum + space.space_used_size, 0);
}

/**
 * Data-heap bytes per result still used after a full GC while the results of RETAINED_PASSES passes
 * over `cases` are kept alive (needs --expose-gc). Code spaces are left out because a full GC drops
 * compiled regular expressions that the next parse recompiles; the throwaway pass clears `sink`.
 */
function retainedBytesPerResult(contender, cases) {
  globalThis.gc();
  parseAll(contender, cases);
  globalThis.gc();
  const before = dataHeapUsed();
  const results = [];
  for (let pass = 0; pass < RETAINED_PASSES; pass++) for (const c of cases) results.push(contender.parse(c));
  globalThis.gc();
  const after = dataHeapUsed();
  sink = results;
  return (after - before) / results.length;
}

/** Heap bytes allocated per parse over MEMORY_PASSES passes over `cases`. */
function allocatedBytesPerParse(contender, cases) {
  return allocatedBytes(() => parseAll(contender, cases, MEMORY_PASSES)) / (MEMORY_PASSES * cases.length);
}

/**
 * Per contender: allocated bytes per parse and (with --expose-gc) retained bytes per kept result, over
 * all texts. Allocation is measured for every contender before any forced GC.
 */
function memoryReport(cases) {
  const report = Object.fromEntries(
    CONTENDERS.map((c) => [c.name, { allocatedBytesPerParse: allocatedBytesPerParse(c, cases) }]),
  );
  for (const contender of CONTENDERS) {
    report[contender.name].retainedBytesPerResult = globalThis.gc ? retainedBytesPerResult(contender, cases) : null;
  }
  sink = undefined;
  return report;
}

/** Per contender: how many texts gave at least one date (a sanity check, not an accuracy score). */
function hitCounts(cases) {
  return Object.fromEntries(CONTENDERS.map((c) => [c.name, cases.filter((x) => c.hit(c.parse(x))).length]));
}

// ---------------------------------------------------------------- output

/** Lays out rows of strings as columns: the first left-aligned, the others right-aligned. */
function formatTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const pad = (cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]));
  return rows.map((row) => row.map(pad).join("  ")).join("\n");
}

/** The speed table: one row per set and contender. */
function timingTable(timing, texts, hits) {
  const rows = [["set", "texts", "contender", "median µs/text", "min", "p90", "ours/this", "texts with a date"]];
  for (const [set, bySet] of Object.entries(timing)) {
    for (const { name } of CONTENDERS) {
      const { median, min, p90 } = bySet[name];
      const ratio = (bySet.ours.median / median).toFixed(2);
      const hit = set === "combined" ? "" : String(hits[set][name]);
      rows.push([set, String(texts[set]), name, median.toFixed(1), min.toFixed(1), p90.toFixed(1), ratio, hit]);
    }
  }
  return formatTable(rows);
}

/** The memory table: one row per contender. */
function memoryTable(memory) {
  const rows = [["contender", "allocated KB/parse", "retained B/result"]];
  for (const [name, m] of Object.entries(memory)) {
    const retained = m.retainedBytesPerResult?.toFixed(0) ?? "n/a (needs --expose-gc)";
    rows.push([name, (m.allocatedBytesPerParse / 1024).toFixed(1), retained]);
  }
  return formatTable(rows);
}

/** Prints the human-readable report. */
function printReport(report) {
  console.log(`node ${report.node} | ${report.cpu} | rounds ${report.rounds} | warm-up passes ${report.warmupPasses}`);
  console.log("\nSpeed (µs per text across rounds; ours/this = ratio of medians, <1 means ours is faster)\n");
  console.log(timingTable(report.timing, report.texts, report.hits));
  console.log("\nours ÷ chrono paired within each round (median, min–p90 over rounds):");
  for (const [set, bySet] of Object.entries(report.timing)) {
    const { median, min, p90 } = bySet.ratios.oursOverChronoPaired;
    console.log(`  ${set.padEnd(9)} ${median.toFixed(2)}  (${min.toFixed(2)}–${p90.toFixed(2)})`);
  }
  const passes = `allocation over ${report.memoryPasses} passes, retention over ${report.retainedPasses}`;
  console.log(`\nMemory (all ${report.texts.combined} texts; ${passes})\n`);
  console.log(memoryTable(report.memory));
  console.log(`\nPeak RSS of this process: ${(report.peakRssBytes / 2 ** 20).toFixed(1)} MiB`);
  if (!report.isolated) return;
  const { runs, warmupPasses, timing } = report.isolated;
  console.log(`\nSpeed, each contender alone in its own process (${runs} processes each, ${warmupPasses} warm-up passes, ${report.rounds} rounds each)\n`);
  console.log(timingTable(timing, report.texts, report.hits));
  console.log("\nours ÷ chrono paired by process (median, min–p90 over processes):");
  for (const [set, bySet] of Object.entries(timing)) {
    const { median, min, p90 } = bySet.ratios.oursOverChronoPaired;
    console.log(`  ${set.padEnd(9)} ${median.toFixed(2)}  (${min.toFixed(2)}–${p90.toFixed(2)})`);
  }
}

// ---------------------------------------------------------------- main

function main() {
  const args = readArgs(process.argv.slice(2));
  if (args.alone !== null) return runAlone(args);
  warnIfDistStale();
  const sets = loadSets();
  const all = sets.flatMap((set) => set.cases);
  const texts = { ...Object.fromEntries(sets.map((s) => [s.name, s.cases.length])), combined: all.length };
  warmUp(sets, args.warmup);
  const samples = runRounds(sets, args.rounds);
  const report = {
    node: process.versions.node,
    cpu: os.cpus()[0]?.model ?? "unknown",
    rounds: args.rounds,
    warmupPasses: args.warmup,
    texts,
    hits: Object.fromEntries(sets.map((s) => [s.name, hitCounts(s.cases)])),
    timing: timingReport(samples, [...sets.map((s) => s.name), "combined"]),
    memoryPasses: MEMORY_PASSES,
    retainedPasses: RETAINED_PASSES,
    memory: memoryReport(all),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    isolated: args.isolated > 0 ? { runs: args.isolated, warmupPasses: args.isolatedWarmup, timing: runIsolated(args, [...sets.map((s) => s.name), "combined"]) } : null,
  };
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else printReport(report);
}

main();
