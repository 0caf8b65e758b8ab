/**
 * Dedup benchmark: `clusterEvents` on synthetic sets of 1 000, 10 000 and 100 000 records, and a naive
 * all-pairs clusterer on the 1 000 set in the same run (the anchor), which must give the same clusters.
 *
 * Speed: untimed warm-up runs (5 for 1k and 10k, 1 for 100k), then the median (and min) of repeated runs, wall-clock and CPU;
 * ms per run, ms per 1 000 records, and the growth ratio time(100k)/time(1k)/100 (1 = linear). Memory: peak
 * heap growth during a run (v8.GCProfiler) and the heap the result keeps. Quality: pairwise precision and
 * recall of the clusters against the generator's truth (a sanity check that real matching happens).
 *
 * Usage: node bench/dedup/run.js [--runs N] [--large-runs N] [--warmup N] [--seed N] [--json]
 * Reads ../../dist, so build first (npm run build). See README.md beside this file.
 */
import { readdirSync, statSync } from "node:fs";
import os from "node:os";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { clusterEvents } from "../../dist/core/dedup/cluster.js";
import { isBetterMatch, matchPrepared } from "../../dist/core/dedup/matchPair.js";
import { prepareRecord } from "../../dist/core/dedup/prepare.js";
import { resolveDedupOptions } from "../../dist/core/dedup/types.js";
import { syntheticSet } from "./synthetic.js";

const ROOT = new URL("../../", import.meta.url);
const SIZES = [1_000, 10_000, 100_000];
const LARGE = 100_000;
const ANCHOR_SIZE = 1_000;

// A full GC between runs and for the retained-heap figure, without needing --expose-gc on the command line.
v8.setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");

/** Where results go, so no run can be optimised away. */
let sink;

/** Command-line options. */
function readArgs(argv) {
  const args = { runs: 5, largeRuns: 3, warmup: 5, seed: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") args.json = true;
    else if (argv[i] === "--runs") args.runs = Number(argv[++i]);
    else if (argv[i] === "--large-runs") args.largeRuns = Number(argv[++i]);
    else if (argv[i] === "--warmup") args.warmup = Number(argv[++i]);
    else if (argv[i] === "--seed") args.seed = Number(argv[++i]);
    else throw new Error(`unknown argument: ${argv[i]} (use --runs N, --large-runs N, --warmup N, --seed N, --json)`);
  }
  for (const name of ["runs", "largeRuns", "warmup", "seed"]) {
    if (!Number.isInteger(args[name]) || args[name] < 1) throw new Error(`--${name} needs a positive integer`);
  }
  return args;
}

/** Warns on stderr when a file under src/core/dedup is newer than the built cluster module. */
function warnIfDistStale() {
  const built = statSync(new URL("dist/core/dedup/cluster.js", ROOT)).mtimeMs;
  const srcDir = new URL("src/core/", ROOT);
  const newer = readdirSync(srcDir, { recursive: true }).filter((f) => f.endsWith(".ts") && statSync(new URL(f, srcDir)).mtimeMs > built);
  if (newer.length > 0) console.error(`warning: dist/ is older than src/core (${newer[0]}, …): run npm run build`);
}

// ---------------------------------------------------------------- the anchor

/**
 * The naive clusterer: the same decisions as clusterEvents (rules first, then dated records, each
 * matched by `matchPrepared` against every canonical so far, best match kept, earliest on ties), with no
 * index. Records are prepared once, like clusterEvents does, so the difference is the search alone.
 */
function clusterAllPairs(records, options) {
  const resolved = resolveDedupOptions(options);
  const prepared = records.map(prepareRecord);
  const order = [...prepared.keys()].sort((a, b) => (prepared[a].series ? 0 : 1) - (prepared[b].series ? 0 : 1) || a - b);
  const canonicals = [];
  const clusters = new Map();
  for (const i of order) {
    let best = null;
    for (const c of canonicals) {
      const m = matchPrepared(prepared[i], prepared[c], resolved);
      if (m !== null && isBetterMatch(m, best)) best = m;
    }
    if (best === null) {
      canonicals.push(i);
      clusters.set(prepared[i].record.key, [i]);
    } else clusters.get(best.key).push(i);
  }
  return [...clusters.values()]
    .sort((a, b) => a[0] - b[0])
    .map(([canonical, ...others]) => ({
      canonical: prepared[canonical].record.key,
      members: [canonical, ...others].sort((a, b) => a - b).map((i) => prepared[i].record.key),
    }));
}

// ---------------------------------------------------------------- measuring

/** Wall-clock and CPU milliseconds of one call, after a full GC. */
function timeOnce(work) {
  sink = undefined;
  gc();
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  sink = work();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpuStart);
  return { wall, cpu: (used.user + used.system) / 1e3 };
}

/**
 * Wall-clock and CPU milliseconds (user + system of the whole process, GC threads included) of `runs`
 * timed rounds, after `warmup` untimed ones. Each round calls every contender once, in an order rotated by
 * one place per round, so slow drift in machine speed falls on all alike. CPU time is the steadier figure
 * on a shared machine, where waiting for a core inflates wall-clock time.
 */
function timeRounds(contenders, runs, warmup) {
  for (let w = 0; w < warmup; w++) for (const work of contenders) sink = work();
  const samples = contenders.map(() => ({ wall: [], cpu: [] }));
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + r) % contenders.length;
      const { wall, cpu } = timeOnce(contenders[i]);
      samples[i].wall.push(wall);
      samples[i].cpu.push(cpu);
    }
  }
  return samples;
}

/**
 * Peak heap growth during one call (the largest used size seen before any GC in it, or at its end, less the
 * size after a full GC before it) and the heap its result keeps (after a full GC, result held).
 */
function heapOf(work) {
  sink = undefined;
  gc();
  const before = v8.getHeapStatistics().used_heap_size;
  const profiler = new v8.GCProfiler();
  profiler.start();
  const result = work();
  const end = v8.getHeapStatistics().used_heap_size;
  const { statistics } = profiler.stop();
  const peak = Math.max(end, ...statistics.map((s) => s.beforeGC.heapStatistics.usedHeapSize));
  gc();
  const retained = v8.getHeapStatistics().used_heap_size - before;
  return { result, peakBytes: peak - before, retainedBytes: retained };
}

/** Pairwise precision and recall of found clusters against the true ones. */
function pairwiseQuality(clusters, truth) {
  const pairs = (k) => (k * (k - 1)) / 2;
  let found = 0;
  let correct = 0;
  const trueSizes = new Map();
  for (const id of truth.values()) trueSizes.set(id, (trueSizes.get(id) ?? 0) + 1);
  for (const { members } of clusters) {
    found += pairs(members.length);
    const byTrue = new Map();
    for (const key of members) byTrue.set(truth.get(key), (byTrue.get(truth.get(key)) ?? 0) + 1);
    for (const k of byTrue.values()) correct += pairs(k);
  }
  const real = [...trueSizes.values()].reduce((sum, k) => sum + pairs(k), 0);
  return { precision: found === 0 ? 1 : correct / found, recall: real === 0 ? 1 : correct / real, trueClusters: trueSizes.size };
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)];

// ---------------------------------------------------------------- output

function formatTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")).join("\n");
}

const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);

function printReport(report) {
  const load = `load average ${report.loadAverage.toFixed(1)} on ${report.cores} cores`;
  const warm = `warm-up runs ${report.warmup} (100k: 1)`;
  console.log(`node ${report.node} | ${report.cpu} | ${load} | seed ${report.seed} | runs ${report.runs} (100k: ${report.largeRuns}) | ${warm}`);
  const speed = [["set", "records", "runs", "median ms", "min ms", "ms/1k records", "median CPU ms", "CPU ms/1k records", "heap peak MiB", "result MiB"]];
  const quality = [["set", "records", "days", "rules", "true clusters", "found clusters", "pair precision", "pair recall"]];
  for (const s of report.sets) {
    speed.push([
      s.name, String(s.records), String(s.wallMs.length), s.medianMs.toFixed(1), s.minMs.toFixed(1), s.msPer1k.toFixed(2),
      s.medianCpuMs.toFixed(1), s.cpuMsPer1k.toFixed(2), mib(s.heap.peakBytes), mib(s.heap.retainedBytes),
    ]);
    quality.push([
      s.name, String(s.records), String(s.days), String(s.rules), String(s.quality.trueClusters), String(s.clusters),
      s.quality.precision.toFixed(3), s.quality.recall.toFixed(3),
    ]);
  }
  console.log(`\nclusterEvents (defaults: threshold 0.72, tolerance 30 min)\n`);
  console.log(formatTable(speed));
  const g = report.growthRatio;
  console.log(`\ngrowth ratio time(100k) / time(1k) / 100 = ${g.wall.toFixed(2)} wall-clock, ${g.cpu.toFixed(2)} CPU  (1 = linear; 100 = quadratic)`);
  console.log(`\nClusters against the generator's truth (a sanity check, not an accuracy score)\n`);
  console.log(formatTable(quality));
  const a = report.anchor;
  console.log(`\nAnchor: naive all-pairs on the ${a.records}-record set (median of ${a.wallMs.length} runs)\n`);
  console.log(formatTable([
    ["clusterer", "median ms", "min ms", "median CPU ms", "same clusters as clusterEvents"],
    ["all-pairs", a.medianMs.toFixed(1), a.minMs.toFixed(1), a.medianCpuMs.toFixed(1), a.agrees ? "yes" : "NO"],
    ["clusterEvents", a.index.medianMs.toFixed(1), a.index.minMs.toFixed(1), a.index.medianCpuMs.toFixed(1), ""],
  ]));
  console.log(`\nall-pairs / clusterEvents = ${(a.medianMs / a.index.medianMs).toFixed(1)}× wall-clock, ${(a.medianCpuMs / a.index.medianCpuMs).toFixed(1)}× CPU`);
  console.log(`Peak RSS of this process: ${mib(report.peakRssBytes)} MiB`);
}

// ---------------------------------------------------------------- main

function main() {
  const args = readArgs(process.argv.slice(2));
  warnIfDistStale();
  const sets = [];
  let anchor = null;
  for (const size of SIZES) {
    const { records, truth, days } = syntheticSet(size, args.seed);
    const index = () => clusterEvents(records);
    let timing;
    if (size === ANCHOR_SIZE) {
      // The anchor runs in the same rounds as clusterEvents on the same records, order rotated per round.
      const [ours, naive] = timeRounds([index, () => clusterAllPairs(records)], args.runs, args.warmup);
      timing = ours;
      anchor = { ...naive, agrees: JSON.stringify(clusterAllPairs(records)) === JSON.stringify(clusterEvents(records)) };
    } else {
      [timing] = timeRounds([index], size >= LARGE ? args.largeRuns : args.runs, size >= LARGE ? 1 : args.warmup);
    }
    const { wall, cpu } = timing;
    const { result: clusters, ...heap } = heapOf(index);
    const medianMs = percentile(wall, 50);
    const medianCpuMs = percentile(cpu, 50);
    sets.push({
      name: `${size / 1000}k`,
      records: size,
      days,
      rules: records.filter((r) => r.recurrence !== null).length,
      clusters: clusters.length,
      quality: pairwiseQuality(clusters, truth),
      wallMs: wall,
      cpuMs: cpu,
      medianMs,
      minMs: Math.min(...wall),
      msPer1k: medianMs / (size / 1000),
      medianCpuMs,
      cpuMsPer1k: medianCpuMs / (size / 1000),
      heap,
    });
    sink = undefined;
  }
  const small = sets.find((s) => s.records === ANCHOR_SIZE);
  const large = sets.find((s) => s.records === LARGE);
  const report = {
    node: process.versions.node,
    cpu: os.cpus()[0]?.model ?? "unknown",
    loadAverage: os.loadavg()[0],
    cores: os.availableParallelism(),
    seed: args.seed,
    runs: args.runs,
    largeRuns: args.largeRuns,
    warmup: args.warmup,
    sets,
    growthRatio: {
      wall: large.medianMs / small.medianMs / (LARGE / ANCHOR_SIZE),
      cpu: large.medianCpuMs / small.medianCpuMs / (LARGE / ANCHOR_SIZE),
    },
    anchor: {
      records: ANCHOR_SIZE,
      wallMs: anchor.wall,
      cpuMs: anchor.cpu,
      medianMs: percentile(anchor.wall, 50),
      minMs: Math.min(...anchor.wall),
      medianCpuMs: percentile(anchor.cpu, 50),
      index: { medianMs: small.medianMs, minMs: small.minMs, medianCpuMs: small.medianCpuMs },
      agrees: anchor.agrees,
    },
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  sink = undefined;
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else printReport(report);
}

main();
