// Cluster aggregation over real node:cluster IPC: forked workers answer the in-test primary.
import cluster, { type Worker } from "node:cluster";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { transformSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupClusterMetricsPrimary } from "../../src/ops/clusterMetrics.js";

// Workers run plain Node, so the module under test is transpiled (they import only node:cluster, prom-client and each other).
const promClient = pathToFileURL(createRequire(import.meta.url).resolve("prom-client")).href;
let dir: string;
const workers: Worker[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ops-cluster-"));
  // The module, the fan-out and the channel it speaks through; the imports between them are renamed to the transpiled files.
  for (const name of ["clusterMetrics", "clusterFanOut", "clusterChannel"]) {
    const source = await readFile(new URL(`../../src/ops/${name}.ts`, import.meta.url), "utf8");
    const js = transformSync(source, { loader: "ts", format: "esm" })
      .code.replaceAll('"prom-client"', JSON.stringify(promClient))
      .replaceAll('"./clusterChannel.js"', '"./clusterChannel.mjs"')
      .replaceAll('"./clusterFanOut.js"', '"./clusterFanOut.mjs"');
    await writeFile(join(dir, `${name}.mjs`), js);
  }
  await writeFile(
    join(dir, "worker.mjs"),
    `import { Counter, Registry } from ${JSON.stringify(promClient)};
import { setupClusterMetricsWorker } from "./clusterMetrics.mjs";
const registry = new Registry();
new Counter({ name: "jobs_total", help: "jobs", registers: [registry] }).inc(Number(process.env.JOBS));
setupClusterMetricsWorker(registry);
process.send({ type: "ready" });
`,
  );
  cluster.setupPrimary({ exec: join(dir, "worker.mjs"), silent: true });
  await Promise.all(
    [2, 5].map(
      (jobs) =>
        new Promise<void>((resolve) => {
          const w = cluster.fork({ JOBS: String(jobs) });
          workers.push(w);
          w.on("message", (m: { type?: string }) => m.type === "ready" && resolve());
        }),
    ),
  );
}, 20_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => new Promise((resolve) => (w.once("exit", resolve), w.kill()))));
  await rm(dir, { recursive: true, force: true });
});

describe("cluster metrics over node:cluster", () => {
  it("sums the workers' counters in the primary", async () => {
    const primary = setupClusterMetricsPrimary(null);
    try {
      expect(await primary.text()).toContain("jobs_total 7");
    } finally {
      primary.stop();
    }
  });
});
