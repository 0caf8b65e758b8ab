/**
 * Profiling driver: parses the benchmark's texts (golden + Duckling) with ours only, or chrono only, many
 * times over, so `node --cpu-prof` or `valgrind --tool=callgrind` see the steady state of one contender.
 *
 * Usage: node bench/parse/profile.js [--passes N] [--warmup N] [--chrono] [--set golden|duckling]
 *        node --cpu-prof --cpu-prof-dir=/tmp/prof bench/parse/profile.js --passes 200
 * Prints the time per text of the timed passes (one figure, no rounds: use run.js for comparisons).
 * Reads ../../dist, so build first (npm run build).
 */
import { existsSync, readFileSync } from "node:fs";
import * as chrono from "chrono-node";
import { parse } from "../../dist/index.js";

const ROOT = new URL("../../", import.meta.url);
const FILES = ["test/data/golden/events-dev.jsonl", "test/data/golden/events-extra.jsonl", "test/data/duckling/duckling-dev.jsonl"];

function readArgs(argv) {
  const args = { passes: 100, warmup: 20, chrono: false, set: "all" };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--passes") args.passes = Number(argv[++i]);
    else if (argv[i] === "--warmup") args.warmup = Number(argv[++i]);
    else if (argv[i] === "--chrono") args.chrono = true;
    else if (argv[i] === "--set") args.set = argv[++i];
    else throw new Error(`unknown argument: ${argv[i]} (use --passes N, --warmup N, --chrono, --set golden|duckling)`);
  }
  return args;
}

/** UTC offset of `zone` at `date` in minutes east of UTC, as run.js hands it to chrono. */
function offsetMinutes(zone, date) {
  const format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(format.formatToParts(date).find((p) => p.type === "timeZoneName").value);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** Every record with the zone run.js gives it (Duckling texts are read in fixed UTC−2). */
function loadCases(set) {
  return FILES.filter((path) => set === "all" || path.includes(set)).flatMap((path) => {
    const url = new URL(path, ROOT);
    if (!existsSync(url)) return [];
    const duckling = path.includes("duckling");
    return readFileSync(url, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l))
      .map((r) => {
        const zone = duckling ? "Etc/GMT+2" : r.timezone;
        const refDate = new Date(r.reference);
        return { text: r.text, reference: r.reference, zone, refDate, offset: offsetMinutes(zone, refDate) };
      });
  });
}

const args = readArgs(process.argv.slice(2));
const cases = loadCases(args.set);
const run = args.chrono
  ? (c) => chrono.parse(c.text, { instant: c.refDate, timezone: c.offset })
  : (c) => parse(c.text, { reference: c.reference, timezone: c.zone });
let sink;
for (let p = 0; p < args.warmup; p++) for (const c of cases) sink = run(c);
const began = process.hrtime.bigint();
for (let p = 0; p < args.passes; p++) for (const c of cases) sink = run(c);
const micros = Number(process.hrtime.bigint() - began) / 1000 / (args.passes * cases.length);
console.log(`${args.chrono ? "chrono" : "ours"}: ${micros.toFixed(1)} µs/text over ${cases.length} texts × ${args.passes} passes${sink ? "" : " "}`);
