// docs/operations.md stays true to the project: every alert's runbook link (alerts.yml, docs/alerts.md, the in-process
// rules) lands on a heading, internal links resolve, every `calendar-api` command and option it shows is one the CLI
// lists in its usage, every curl on $API names a route the app has, every metric it greps for is exported, and every
// recording rule it queries exists.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/main/cli.js";
import { createHarness, type Harness } from "../http/harness.js";
import { captureIo } from "./operatorHelpers.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const RUNBOOK = readFileSync(join(ROOT, "docs/operations.md"), "utf8");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

/** Lines outside fenced code blocks. */
function prose(markdown: string): string[] {
  let fenced = false;
  return markdown.split("\n").filter((line) => {
    if (line.startsWith("```")) fenced = !fenced;
    return !fenced && !line.startsWith("```");
  });
}

/** GitHub's heading anchors: lower case, punctuation but `-` and `_` dropped, spaces to `-`, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of prose(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const text = heading.replace(/`/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const slug = text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    result.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return result;
}

/** The alert anchors every source names. */
function alertAnchors(): Set<string> {
  const found = new Set<string>();
  for (const m of read("deploy/prometheus/rules/alerts.yml").matchAll(/runbook_url:\s*\S*docs\/operations\.md#([a-z0-9-]+)/g)) found.add(m[1]!);
  // docs/alerts.md: the last column of the alert table and the first of the anchor table.
  for (const m of read("docs/alerts.md").matchAll(/^\| `[A-Z]\w+` \|.*`#([a-z0-9-]+)` \|$|^\| `#([a-z0-9-]+)` \|/gm)) found.add((m[1] ?? m[2])!);
  for (const file of readdirSync(join(ROOT, "src/ops/alerts")).filter((f) => f.endsWith(".ts"))) {
    for (const m of read(`src/ops/alerts/${file}`).matchAll(/runbook:\s*"([a-z0-9-]+)"/g)) found.add(m[1]!);
  }
  return found;
}

describe("docs/operations.md", () => {
  const headings = anchors(RUNBOOK);

  it("has a section for every alert anchor, exactly as the alert rules link to it", () => {
    const expected = alertAnchors();
    expect(expected.size).toBeGreaterThanOrEqual(13);
    for (const anchor of expected) expect(headings, `#${anchor}`).toContain(anchor);
    for (const anchor of ["service-down", "high-error-rate", "high-response-time", "high-memory-usage", "low-parsing-accuracy", "low-cache-hit-rate", "llm-service-unavailable", "high-component-latency", "dead-letter-queue-backlog", "slow-job-processing", "slo-availability-burn", "slo-error-budget-burn", "slo-latency-burn"]) {
      expect(headings, `#${anchor}`).toContain(anchor);
    }
  });

  it("its own links to #anchors resolve", () => {
    const links = [...RUNBOOK.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(headings, `#${link}`).toContain(link);
  });

  it("covers daily checks, P1–P4 and the common incidents of the operational procedures", () => {
    for (const anchor of ["daily-checks", "incident-response", "severity-levels", "error-rate-spike", "slow-responses", "accuracy-drop", "memory-growth", "cache-corruption", "database-down", "backup-and-restore"]) {
      expect(headings, anchor).toContain(anchor);
    }
    for (const p of ["P1", "P2", "P3", "P4"]) expect(RUNBOOK).toContain(`**${p}**`);
  });

  it("shows only calendar-api commands and options the CLI has (as its usage lists them)", async () => {
    const h = captureIo();
    await main(["help"], h.io);
    const usage = h.out().split("\n");
    const invocations = [...RUNBOOK.matchAll(/(?:npx |bin\/)calendar-api(?:\.js)? ([^\n|;&>#)`]*)/g)].map((m) => m[1]!.trim());
    expect(invocations.length).toBeGreaterThan(20);
    const used = new Set<string>();
    for (const invocation of invocations) {
      const tokens = invocation.split(/\s+/).filter(Boolean);
      if (tokens.length === 0 || tokens[0]!.startsWith("<")) continue;
      const command = ["logs", "golden"].includes(tokens[0]!) ? `${tokens[0]} ${tokens[1]}` : tokens[0]!;
      used.add(command);
      if (command === "help") continue;
      const line = usage.find((l) => l.startsWith(`  ${command} `) || l.trim() === command);
      expect(line, `"${invocation}": no such command in the usage`).toBeDefined();
      for (const flag of tokens.filter((t) => t.startsWith("--")).map((t) => t.replace(/=.*$/, ""))) {
        expect(line, `"${invocation}": ${flag}`).toContain(flag);
      }
    }
    for (const command of ["check", "backup", "restore", "logs prune", "report", "golden update", "config", "migrate", "eval"]) expect(used, command).toContain(command);
  });

  describe("against the app", () => {
    let h: Harness;
    let metrics = "";
    beforeAll(async () => {
      h = await createHarness();
      metrics = (await h.app.inject({ method: "GET", url: "/metrics" })).body;
    });
    afterAll(() => h.close());

    it("every curl on $API and every route in the tables names a route of the service", () => {
      const calls: Array<{ method: string; path: string; from: string }> = [];
      const lines = RUNBOOK.replace(/\\\n\s*/g, " ").split("\n");
      for (const line of lines) {
        for (const m of line.matchAll(/\$API(\/[^\s"')]*)/g)) {
          const method = /-X\s+(\w+)/.exec(line)?.[1] ?? (/\s-d\s/.test(line) ? "POST" : "GET");
          calls.push({ method, path: m[1]!, from: line.trim() });
        }
        for (const m of line.matchAll(/`(GET|POST|DELETE|PATCH|PUT) (\/[^`\s]*)`/g)) calls.push({ method: m[1]!, path: m[2]!, from: line.trim() });
      }
      expect(calls.length).toBeGreaterThan(30);
      expect(h.app.hasRoute({ method: "GET", url: "/no/such/route" })).toBe(false);
      for (const call of calls) expect(h.app.hasRoute({ method: call.method as "GET", url: call.path }), `${call.method} ${call.path} in: ${call.from}`).toBe(true);
    });

    it("every metric it greps /metrics for is one the service exports", () => {
      // The ingestion metrics come with the job queue (docs/alerts.md); until then they are documented but absent.
      const future = new Set(["dead_letter_queue_depth"]);
      const names = new Set<string>();
      for (const line of RUNBOOK.split("\n").filter((l) => l.includes("$API/metrics") && l.includes("grep"))) {
        // `cache_(hit_rate|hits_total)` stands for cache_hit_rate and cache_hits_total.
        const pattern = line.slice(line.indexOf("grep")).replace(/([a-z0-9_]*_)\(([a-z0-9_|]+)\)/g, (_, prefix: string, alternatives: string) => alternatives.split("|").map((a) => prefix + a).join(" "));
        for (const m of pattern.matchAll(/[a-z][a-z0-9]*(?:_[a-z0-9]+)+/g)) names.add(m[0]);
      }
      expect(names.size).toBeGreaterThan(15);
      for (const name of names) {
        if (future.has(name)) continue;
        const family = name.replace(/_(count|sum|bucket)$/, "");
        expect(metrics, name).toMatch(new RegExp(`^# TYPE ${family} `, "m"));
      }
    });

    it("every recording rule it queries exists", () => {
      const recording = read("deploy/prometheus/rules/recording.yml");
      const queried = new Set([...RUNBOOK.matchAll(/\b((?:job|route):[a-z_]+:[a-z0-9_]+)/g)].map((m) => m[1]!));
      expect(queried.size).toBeGreaterThan(3);
      for (const name of queried) expect(recording, name).toContain(`record: ${name}\n`);
    });
  });
});
