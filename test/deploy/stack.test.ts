// The deployment stack, checked by parsing (no Docker engine or cluster here): every YAML/JSON file, the compose
// file's services, volumes, secrets and mounted paths, the Dockerfile, the Kubernetes manifests, Loki and Promtail,
// cross-checked against the code (config keys, routes, log files, ports) and against each other.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join, posix, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { ConfigError } from "../../src/config/errors.js";
import { type Env, loadConfig } from "../../src/config/load.js";
import { FIELDS, prefixedName } from "../../src/config/schema.js";
import { DEFAULT_CONFIG } from "../../src/config/defaults.js";
import { ACCURACY_FILES } from "../../src/main/accuracy.js";
import { createObserver } from "../../src/main/observer.js";
import { startWorker } from "../../src/main/worker.js";
import { INGEST_METRIC_NAMES } from "../../src/ops/ingestMetrics.js";
import { createLogger, LOG_FILES } from "../../src/ops/logger.js";
import { createMetrics } from "../../src/ops/metrics.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DEPLOY = join(ROOT, "deploy");

// ---------------------------------------------------------------------------------------------------------------
// Helpers

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === "object" && v !== null && !Array.isArray(v);
const dict = (v: unknown): Dict => (isDict(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (rel: string): string => readFileSync(join(DEPLOY, rel), "utf8");
const yamlAt = (rel: string): Dict => dict(parseYaml(text(rel)));

/** Every file under `dir` (relative paths), skipping deploy/secrets' operator-created files. */
function walk(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, base));
    else out.push(relative(base, full));
  }
  return out;
}

/** Names a configuration key can be set by: the plain variables and CALENDAR_API__SECTION__KEY. */
const CONFIG_VARIABLES = new Set(FIELDS.flatMap((f) => [prefixedName(f.path), ...(f.plain ? [f.plain] : [])]));
/** Plain variables of secret keys, plus the URLs that carry passwords: never in a committed file. */
const SECRET_VARIABLES = new Set([...FIELDS.filter((f) => f.secret && f.plain).map((f) => f.plain as string), "DATABASE_URL", "REDIS_URL"]);
/** Read by Node itself, not by the configuration loader. */
const NODE_VARIABLES = new Set(["NODE_ENV"]);

function parseEnvFile(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of source.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const eq = trimmed.indexOf("=");
    out[trimmed.slice(0, eq)] = trimmed.slice(eq + 1);
  }
  return out;
}

/** Values production accepts for the three secrets; nothing here is a real credential. */
const FAKE_SECRETS: Env = {
  API_KEYS: "ops:test-0123456789abcdef:read+write+admin",
  DATABASE_URL: "postgres://calendar_api:not-a-secret@postgres:5432/calendar_api",
  REDIS_URL: "redis://:not-a-secret@redis:6379/0",
};

function loadWith(env: Env) {
  return loadConfig({ env, cwd: ROOT });
}

// ---------------------------------------------------------------------------------------------------------------

describe("every configuration file under deploy/", () => {
  const files = walk(DEPLOY).filter((f) => !f.startsWith("secrets/"));

  it("finds the stack's files", () => {
    for (const expected of [
      "Dockerfile",
      "docker-compose.prod.yml",
      "env/calendar-api.env",
      "grafana/provisioning/datasources/datasources.yml",
      "grafana/provisioning/dashboards/dashboards.yml",
      "loki/loki-config.yml",
      "promtail/promtail-config.yml",
      "k8s/kustomization.yaml",
      "native/run-stack.sh",
      "native/README.md",
      "secrets/README.md",
      "secrets/.gitignore",
      // Maintained with the alerting rules; the stack mounts them.
      "prometheus/prometheus.yml",
      "alertmanager/alertmanager.yml",
    ]) {
      expect(existsSync(join(DEPLOY, expected)), `deploy/${expected}`).toBe(true);
    }
  });

  it.each(files.filter((f) => /\.ya?ml$/.test(f)))("%s is well-formed YAML", (file) => {
    const docs = parseAllDocuments(text(file));
    const all = Array.isArray(docs) ? docs : [docs];
    for (const doc of all) {
      expect(doc.errors.map((e) => e.message), file).toEqual([]);
      expect(doc.warnings.map((e) => e.message), file).toEqual([]);
    }
  });

  it.each(files.filter((f) => f.endsWith(".json")))("%s is well-formed JSON", (file) => {
    expect(() => JSON.parse(text(file))).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("docker-compose.prod.yml", () => {
  const compose = yamlAt("docker-compose.prod.yml");
  const services = dict(compose.services);
  const service = (name: string) => dict(services[name]);
  const API_SERVICES = ["calendar-api", "worker"];

  /** [source, target, readOnly] of a service's volumes (short syntax "src:dst[:ro]" or long syntax). */
  function mounts(name: string): Array<{ source: string; target: string; readOnly: boolean }> {
    return list(service(name).volumes).map((v) => {
      if (typeof v === "string") {
        const [source, target, mode] = v.split(":");
        return { source, target, readOnly: mode === "ro" };
      }
      const d = dict(v);
      return { source: String(d.source), target: String(d.target), readOnly: d.read_only === true };
    });
  }
  const isHostPath = (source: string) => source.startsWith(".") || source.startsWith("/");

  /** The repository file behind a container path of `name`, through its bind mounts; undefined when not mounted. */
  function hostPathOf(name: string, containerPath: string): string | undefined {
    for (const m of mounts(name).filter((m) => isHostPath(m.source))) {
      if (containerPath === m.target) return join(DEPLOY, m.source);
      if (containerPath.startsWith(m.target + "/")) return join(DEPLOY, m.source, containerPath.slice(m.target.length + 1));
    }
    return undefined;
  }

  function secretsOf(name: string): Array<{ source: string; target: string }> {
    return list(service(name).secrets).map((s) => (typeof s === "string" ? { source: s, target: s } : { source: String(dict(s).source), target: String(dict(s).target ?? dict(s).source) }));
  }

  function envOf(name: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const file of list(service(name).env_file)) Object.assign(out, parseEnvFile(text(String(file))));
    const env = service(name).environment;
    if (Array.isArray(env)) for (const e of env.map(String)) out[e.split("=")[0]] = e.split("=").slice(1).join("=");
    else for (const [k, v] of Object.entries(dict(env))) out[k] = String(v);
    return out;
  }

  it("has the stack's services", () => {
    expect(Object.keys(services).sort()).toEqual(["alertmanager", "calendar-api", "grafana", "loki", "postgres", "prometheus", "promtail", "redis", "worker"]);
  });

  it.each(Object.keys(services))("%s has an image or a build, a pinned tag, a restart policy, logging and resource limits", (name) => {
    const s = service(name);
    expect(s.image !== undefined || s.build !== undefined).toBe(true);
    const image = String(s.image ?? "");
    expect(image, "pinned image tag").toMatch(/:[^:/]+$/);
    expect(image).not.toMatch(/:latest$/);
    expect(s.restart).toBe("unless-stopped");
    expect(dict(s.logging).driver).toBe("json-file");
    expect(dict(dict(s.logging).options)["max-size"]).toBeDefined();
    const limits = dict(dict(dict(s.deploy).resources).limits);
    expect(limits.cpus, "cpus limit").toBeDefined();
    expect(limits.memory, "memory limit").toBeDefined();
  });

  it("builds the API from the repository root with deploy/Dockerfile, the same image for the API and the worker", () => {
    for (const name of API_SERVICES) {
      const build = dict(service(name).build);
      const context = resolve(DEPLOY, String(build.context));
      expect(context).toBe(ROOT);
      expect(existsSync(join(context, String(build.dockerfile)))).toBe(true);
    }
    expect(service("worker").image).toBe(service("calendar-api").image);
    expect(service("worker").command).toEqual(["node", "bin/calendar-api.js", "worker"]);
  });

  it.each(Object.keys(services))("%s has a health check", (name) => {
    const health = dict(service(name).healthcheck);
    expect(health.disable).toBeUndefined();
    expect(list(health.test).length).toBeGreaterThan(1);
    expect(health.interval).toBeDefined();
    expect(health.retries).toBeDefined();
  });

  it("waits for healthy dependencies only on services that have a health check", () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [dep, how] of Object.entries(Array.isArray(dict(s).depends_on) ? {} : dict(dict(s).depends_on))) {
        expect(services, `${name} depends on ${dep}`).toHaveProperty(dep);
        if (dict(how).condition === "service_healthy") expect(list(dict(service(dep).healthcheck).test).length, `${dep} health check`).toBeGreaterThan(0);
      }
      for (const dep of list(dict(s).depends_on)) expect(services).toHaveProperty(String(dep));
    }
    expect(dict(dict(service("calendar-api").depends_on).postgres).condition).toBe("service_healthy");
    expect(dict(dict(service("calendar-api").depends_on).redis).condition).toBe("service_healthy");
  });

  it("declares every named volume it uses, and uses every one it declares", () => {
    const declared = Object.keys(dict(compose.volumes));
    const used = new Set(Object.keys(services).flatMap((n) => mounts(n).filter((m) => !isHostPath(m.source)).map((m) => m.source)));
    for (const v of used) expect(declared, `volume ${v}`).toContain(v);
    for (const v of declared) expect([...used], `declared volume ${v}`).toContain(v);
  });

  it("mounts only host paths that exist in the repository", () => {
    for (const name of Object.keys(services)) {
      for (const m of mounts(name).filter((m) => isHostPath(m.source))) {
        expect(m.source.startsWith("/"), `${name}: absolute host path ${m.source}`).toBe(false);
        expect(existsSync(join(DEPLOY, m.source)), `${name}: deploy/${m.source}`).toBe(true);
        expect(m.readOnly, `${name}: ${m.source} read-only`).toBe(true);
      }
      for (const file of list(service(name).env_file)) expect(existsSync(join(DEPLOY, String(file))), `${name}: ${file}`).toBe(true);
    }
  });

  it("points every --config.file at a mounted file that exists", () => {
    const checked: string[] = [];
    for (const name of Object.keys(services)) {
      for (const arg of list(service(name).command).map(String)) {
        const m = /^--?config\.file=(.+)$/.exec(arg);
        if (!m) continue;
        const host = hostPathOf(name, m[1]);
        expect(host, `${name}: ${m[1]} is not mounted`).toBeDefined();
        expect(existsSync(host as string), `${name}: ${host}`).toBe(true);
        checked.push(name);
      }
    }
    expect(checked.sort()).toEqual(["alertmanager", "loki", "prometheus", "promtail"]);
  });

  it("declares every secret it uses, keeps each in deploy/secrets/ and documents it", () => {
    const declared = dict(compose.secrets);
    const readme = text("secrets/README.md");
    const used = new Set(Object.keys(services).flatMap((n) => secretsOf(n).map((s) => s.source)));
    for (const s of used) expect(declared, `secret ${s}`).toHaveProperty(s);
    for (const [name, spec] of Object.entries(declared)) {
      expect([...used], `declared secret ${name}`).toContain(name);
      expect(posix.normalize(String(dict(spec).file))).toBe(`secrets/${name}`);
      expect(readme, `secrets/README.md documents ${name}`).toContain(`\`${name}\``);
    }
  });

  it("never commits a secret: deploy/secrets/ ignores everything but its README", () => {
    const ignore = text("secrets/.gitignore").split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
    expect(ignore).toEqual(["*", "!.gitignore", "!README.md"]);
    // Environment values in the compose file are never credentials: those come as *_FILE paths or secrets.
    for (const [name] of Object.entries(services)) {
      for (const [key, value] of Object.entries(envOf(name))) {
        if (/PASSWORD|SECRET|TOKEN|API_KEY/.test(key)) expect(key, `${name}: ${key}=${value}`).toMatch(/_FILE$/);
        expect(SECRET_VARIABLES.has(key), `${name}: ${key} belongs in a secret`).toBe(false);
      }
    }
  });

  it("gives the API and the worker their credentials as secrets named after the variables", () => {
    for (const name of API_SERVICES) {
      expect(secretsOf(name).map((s) => s.target).sort()).toEqual(["API_KEYS", "DATABASE_URL", "REDIS_URL"]);
    }
    expect(envOf("postgres").POSTGRES_PASSWORD_FILE).toBe("/run/secrets/postgres_password");
    expect(secretsOf("postgres").map((s) => s.source)).toContain("postgres_password");
    const grafanaPassword = envOf("grafana").GF_SECURITY_ADMIN_PASSWORD__FILE;
    expect(grafanaPassword).toMatch(/^\/run\/secrets\//);
    expect(secretsOf("grafana").map((s) => s.target)).toContain(basename(grafanaPassword));
  });

  it("sets only variables the configuration knows for the API and the worker", () => {
    for (const name of API_SERVICES) {
      const names = [...Object.keys(envOf(name)), ...secretsOf(name).map((s) => s.target)];
      for (const variable of names) expect(CONFIG_VARIABLES.has(variable) || NODE_VARIABLES.has(variable), `${name}: ${variable}`).toBe(true);
    }
  });

  it("gives the API a configuration that production accepts, on port 8000 with logs in /app/logs", () => {
    const env = envOf("calendar-api");
    const { config } = loadWith({ ...env, ...FAKE_SECRETS });
    expect(config.environment).toBe("production");
    expect(config.server.port).toBe(8000);
    expect(config.logging.dir).toBe("/app/logs");
    expect(config.store.dataDir).toBe("/app/data");
    expect(config.queue.backend).toBe("redis");
    // SIGKILL comes after stop_grace_period: longer than the drain.
    expect(durationSeconds(String(service("calendar-api").stop_grace_period)) * 1000).toBeGreaterThan(config.server.shutdownGraceMs);
    // The volumes sit where the configuration writes.
    expect(mounts("calendar-api").map((m) => m.target).sort()).toEqual(["/app/data", "/app/logs"]);
  });

  it("runs the worker in every `up` (no profile), on the Redis queue, with its probe port checked and scraped", () => {
    const worker = service("worker");
    expect(worker.profiles).toBeUndefined();
    const { config } = loadWith({ ...envOf("worker"), ...FAKE_SECRETS });
    expect(config.environment).toBe("production");
    expect(config.queue.backend).toBe("redis");
    expect(config.queue.workerThreads).toBeGreaterThanOrEqual(1);
    expect(config.queue.workerPort).toBe(9464);
    // The API enqueues on the same queue the worker consumes: Redis, from the same secret.
    expect(loadWith({ ...envOf("calendar-api"), ...FAKE_SECRETS }).config.queue.backend).toBe(config.queue.backend);
    expect(JSON.stringify(dict(worker.healthcheck).test)).toContain(`http://127.0.0.1:${config.queue.workerPort}/health/ready`);
    // Not published: Prometheus reaches it over the monitoring network.
    expect(worker.ports).toBeUndefined();
    expect(list(worker.networks).sort()).toEqual(["backend", "monitoring"]);
    expect(list(service("prometheus").networks)).toContain("monitoring");
    expect(durationSeconds(String(worker.stop_grace_period)) * 1000).toBeGreaterThan(config.server.shutdownGraceMs);
    // Uploads are stored by the API under <DATA_DIR>/files and read by the worker: the same volume at the same path.
    expect(config.storage.path).toBeNull();
    const data = (name: string) => mounts(name).find((m) => m.target === config.store.dataDir)?.source;
    expect(data("worker")).toBeDefined();
    expect(data("worker")).toBe(data("calendar-api"));
  });

  it("publishes the API on 8000, the port it listens on and checks its health on", () => {
    expect(DEFAULT_CONFIG.server.port).toBe(8000);
    expect(list(service("calendar-api").ports).map(String)).toEqual(["8000:8000"]);
    expect(JSON.stringify(dict(service("calendar-api").healthcheck).test)).toContain("http://127.0.0.1:8000/health/ready");
    // Monitoring UIs stay on loopback.
    for (const name of ["prometheus", "alertmanager", "grafana"]) {
      for (const port of list(service(name).ports).map(String)) expect(port, name).toMatch(/^127\.0\.0\.1:/);
    }
  });

  it("connects every service to declared networks, the API to both", () => {
    const declared = Object.keys(dict(compose.networks));
    for (const [name, s] of Object.entries(services)) {
      const nets = list(dict(s).networks).map(String);
      expect(nets.length, name).toBeGreaterThan(0);
      for (const n of nets) expect(declared, `${name}: network ${n}`).toContain(n);
    }
    expect(list(service("calendar-api").networks).sort()).toEqual(["backend", "monitoring"]);
    // Prometheus scrapes the API over the monitoring network; the stores stay off it.
    expect(list(service("postgres").networks)).toEqual(["backend"]);
    expect(list(service("redis").networks)).toEqual(["backend"]);
  });

  it("lets Promtail read the API's log volume read-only, at the path the API writes", () => {
    const api = mounts("calendar-api").find((m) => m.target === "/app/logs");
    const promtail = mounts("promtail").find((m) => m.source === api?.source);
    expect(promtail?.target).toBe("/app/logs");
    expect(promtail?.readOnly).toBe(true);
  });

  it("mounts Grafana's provisioning and the dashboards where the provider looks", () => {
    expect(hostPathOf("grafana", "/etc/grafana/provisioning/datasources/datasources.yml")).toBe(join(DEPLOY, "grafana/provisioning/datasources/datasources.yml"));
    const provider = dict(list(yamlAt("grafana/provisioning/dashboards/dashboards.yml").providers)[0]);
    const path = String(dict(provider.options).path);
    expect(hostPathOf("grafana", path)).toBe(join(DEPLOY, "grafana/dashboards"));
  });

  it("points Grafana's datasources and Promtail at the services' ports", () => {
    const loki = yamlAt("loki/loki-config.yml");
    const lokiPort = Number(dict(loki.server).http_listen_port);
    const urls = list(yamlAt("grafana/provisioning/datasources/datasources.yml").datasources).map((d) => String(dict(d).url));
    expect(urls.sort()).toEqual([`http://loki:${lokiPort}`, "http://prometheus:9090"]);
    const client = String(dict(list(yamlAt("promtail/promtail-config.yml").clients)[0]).url);
    expect(client).toBe(`http://loki:${lokiPort}/loki/api/v1/push`);
    expect(JSON.stringify(dict(service("loki").healthcheck).test)).toContain(`:${lokiPort}/ready`);
    const promtailPort = Number(dict(yamlAt("promtail/promtail-config.yml").server).http_listen_port);
    expect(JSON.stringify(dict(service("promtail").healthcheck).test)).toContain(`/${promtailPort}`);
  });

  it("scrapes the API as Prometheus is configured (deploy/prometheus/prometheus.yml)", () => {
    const prometheus = yamlAt("prometheus/prometheus.yml");
    const targets = list(prometheus.scrape_configs).flatMap((job) =>
      list(dict(job).static_configs).flatMap((sc) => list(dict(sc).targets).map((t) => ({ job: String(dict(job).job_name), path: String(dict(job).metrics_path ?? "/metrics"), target: String(t) }))),
    );
    const api = targets.filter((t) => t.target.split(":")[0] === "calendar-api");
    expect(api.length, "a scrape target calendar-api:8000").toBeGreaterThan(0);
    for (const t of api) {
      expect(t.target).toBe("calendar-api:8000");
      expect(t.path).toBe("/metrics");
    }
    // Targets named after compose services name existing ones (other hosts, e.g. localhost, are left alone).
    const hostNames = new Set(Object.keys(services));
    for (const t of targets) {
      const host = t.target.split(":")[0];
      if (/^[a-z][a-z0-9-]*$/.test(host) && host !== "localhost") expect(hostNames.has(host), `${t.job}: ${t.target}`).toBe(true);
    }
    // The workers, found through the service's DNS name (one A record per container, so --scale needs no change),
    // on the port their configuration listens on.
    const discovered = list(prometheus.scrape_configs).flatMap((job) =>
      list(dict(job).dns_sd_configs).flatMap((sd) => list(dict(sd).names).map((name) => ({ job: String(dict(job).job_name), path: String(dict(job).metrics_path ?? "/metrics"), name: String(name), type: dict(sd).type, port: dict(sd).port }))),
    );
    const workers = discovered.filter((d) => d.name === "worker");
    expect(workers).toEqual([{ job: "calendar-api-worker", path: "/metrics", name: "worker", type: "A", port: loadWith({ ...envOf("worker"), ...FAKE_SECRETS }).config.queue.workerPort }]);
    for (const d of discovered) expect(hostNames.has(d.name), `${d.job}: ${d.name}`).toBe(true);
    // Rule files resolve, through the ./prometheus mount, to files in the repository.
    for (const pattern of list(prometheus.rule_files).map(String)) {
      const host = hostPathOf("prometheus", pattern.startsWith("/") ? pattern : posix.join("/etc/prometheus", pattern));
      expect(host, pattern).toBeDefined();
      const dir = dirname(host as string);
      const re = new RegExp(`^${basename(host as string).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
      expect(existsSync(dir) && readdirSync(dir).some((f) => re.test(f)), `rule files ${pattern}`).toBe(true);
    }
  });

  it("mounts every credential file alertmanager.yml reads", () => {
    const source = text("alertmanager/alertmanager.yml");
    const mounted = secretsOf("alertmanager").map((s) => `/run/secrets/${s.target}`);
    const referenced = [...source.matchAll(/_file:\s*['"]?([^\s'"#]+)/g)].map((m) => m[1]);
    for (const path of referenced) {
      const viaMount = hostPathOf("alertmanager", path);
      expect(mounted.includes(path) || (viaMount !== undefined && existsSync(viaMount)), `alertmanager reads ${path}`).toBe(true);
    }
  });
});

describe("the worker's probe listener, as compose, Kubernetes and Prometheus use it", () => {
  // A real `calendar-api worker` (the local queue on SQLite in a temporary folder: no Redis needed here) on a free port.
  const compose = yamlAt("docker-compose.prod.yml");
  const workerService = dict(dict(compose.services).worker);
  const k8sWorker = parseAllDocuments(text("k8s/deployment-worker.yaml")).map((d) => dict(d.toJS()))[0];
  const container = dict(list(dict(dict(dict(k8sWorker.spec).template).spec).containers)[0]);
  const composePort = loadWith({ ...parseEnvFile(text("env/calendar-api.env")), ...dict(workerService.environment), ...FAKE_SECRETS } as Env).config.queue.workerPort;
  let dir: string;
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
  let base = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "deploy-worker-"));
    const port = await new Promise<number>((resolvePort) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolvePort(port));
      });
    });
    const { config } = loadWith({ DATA_DIR: join(dir, "data"), LOG_DIR: join(dir, "logs"), HOST: "127.0.0.1", WORKER_PORT: String(port), QUEUE_BACKEND: "local", WORKER_THREADS: "1" });
    worker = await startWorker(config, { stdout: false });
    base = worker.url ?? "";
  }, 30_000);
  afterAll(async () => {
    if (worker) {
      await worker.shutdown.run("test");
      await worker.loggers.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  /** The compose health check's command, pointed at this worker's port instead of the container's. */
  const runHealthcheck = () =>
    new Promise<number | null>((resolveRun) => {
      const [, program, ...rest] = list(dict(workerService.healthcheck).test).map(String);
      expect(program).toBe("node");
      const port = new URL(base).port;
      const args = rest.map((a) => a.replaceAll(`:${composePort}/`, `:${port}/`));
      const child = spawn(process.execPath, args, { stdio: "ignore" });
      const timer = setTimeout(() => child.kill(), 10_000);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolveRun(code);
      });
    });

  it("passes the compose health check while the worker is ready", async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await runHealthcheck()).toBe(0);
  });

  it("answers the Kubernetes probes on their paths", async () => {
    for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
      const path = String(dict(dict(container[probe]).httpGet).path);
      const response = await fetch(`${base}${path}`);
      expect(response.status, `${probe} ${path}`).toBe(200);
    }
  });

  it("serves the ingestion metrics on the path Prometheus and the pod annotations scrape", async () => {
    const job = list(yamlAt("prometheus/prometheus.yml").scrape_configs).map(dict).find((j) => j.job_name === "calendar-api-worker");
    const annotations = dict(dict(dict(k8sWorker.spec).template).metadata).annotations as Record<string, string>;
    expect(annotations["prometheus.io/path"]).toBe(String(job?.metrics_path ?? "/metrics"));
    const body = await (await fetch(`${base}${annotations["prometheus.io/path"]}`)).text();
    for (const name of Object.values(INGEST_METRIC_NAMES)) expect(body, name).toMatch(new RegExp(`^# TYPE ${name} `, "m"));
    expect(body).toMatch(/^active_workers 1$/m);
  });

  it("fails the compose health check once the worker has stopped", async () => {
    await worker?.shutdown.run("SIGTERM");
    expect(await runHealthcheck()).toBe(1);
  });
});

function durationSeconds(value: string): number {
  const m = /^(\d+)(ms|s|m)$/.exec(value);
  if (!m) throw new Error(`not a duration: ${value}`);
  return Number(m[1]) * ({ ms: 0.001, s: 1, m: 60 } as const)[m[2] as "ms" | "s" | "m"];
}

// ---------------------------------------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
  stage: number;
  /** The body of a heredoc (COPY <<'SH' …), when the instruction has one. */
  heredoc?: string;
}

/** Dockerfile instructions, with continuation lines joined and heredoc bodies attached. */
function dockerfile(source: string): Instruction[] {
  const lines = source.split("\n");
  const out: Instruction[] = [];
  let stage = -1;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    while (line.endsWith("\\")) line = line.slice(0, -1) + " " + lines[++i].trim();
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!m) throw new Error(`cannot read Dockerfile line: ${line}`);
    const keyword = m[1].toUpperCase();
    if (keyword === "FROM") stage++;
    const instruction: Instruction = { keyword, args: m[2].trim(), stage };
    const here = /<<-?'?"?([A-Za-z_]+)'?"?/.exec(m[2]);
    if (here) {
      const body: string[] = [];
      while (lines[++i] !== here[1]) {
        if (i >= lines.length) throw new Error(`unterminated heredoc ${here[1]}`);
        body.push(lines[i]);
      }
      instruction.heredoc = body.join("\n") + "\n";
    }
    out.push(instruction);
  }
  return out;
}

/**
 * Whether .dockerignore keeps `path` out of the build context: the last rule matching it decides. Supports what the
 * file uses: plain paths (matching themselves and everything under them), "*" within a name and a leading "**\/".
 */
function dockerIgnored(rules: string[], path: string): boolean {
  let ignored = false;
  for (const rule of rules) {
    const negate = rule.startsWith("!");
    const pattern = negate ? rule.slice(1) : rule;
    const regex = pattern
      .split("/")
      .map((part) => (part === "**" ? "(?:.*/)?" : part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*") + "/"))
      .join("")
      .replace(/\/$/, "");
    if (new RegExp(`^${regex}(?:/.*)?$`).test(path)) ignored = !negate;
  }
  return ignored;
}

describe("deploy/Dockerfile", () => {
  const source = text("Dockerfile");
  const instructions = dockerfile(source);
  const args = Object.fromEntries(instructions.filter((i) => i.keyword === "ARG" && i.stage === -1).map((i) => i.args.split("=") as [string, string]));
  const froms = instructions.filter((i) => i.keyword === "FROM");
  const finalStage = froms.length - 1;
  const final = instructions.filter((i) => i.stage === finalStage);
  const resolveArg = (s: string) => s.replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? "");
  const ignoreRules = readFileSync(join(ROOT, ".dockerignore"), "utf8").split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));

  it("is multi-stage on node:20-bookworm-slim, the runtime on the same base as the stage that built the native module", () => {
    expect(froms.length).toBeGreaterThanOrEqual(3);
    const images = froms.map((f) => resolveArg(f.args.split(/\s+/)[0]));
    expect(images[0]).toBe("node:20-bookworm-slim");
    expect(images[finalStage]).toBe("node:20-bookworm-slim");
    const stageNames = froms.map((f) => /\bAS\s+(\S+)/i.exec(f.args)?.[1]);
    expect(stageNames).toEqual(expect.arrayContaining(["build", "deps", "runtime"]));
  });

  it("builds with every dependency and ships production dependencies only, better-sqlite3 rebuilt", () => {
    const runs = instructions.filter((i) => i.keyword === "RUN").map((i) => i.args);
    expect(runs.some((r) => /npm ci\b/.test(r) && !r.includes("--omit=dev"))).toBe(true);
    expect(runs.some((r) => r.includes("npm run build"))).toBe(true);
    const prod = runs.find((r) => r.includes("--omit=dev"));
    expect(prod).toMatch(/--ignore-scripts/);
    expect(prod).toMatch(/npm rebuild better-sqlite3/);
    const copiesFrom = final.filter((i) => i.keyword === "COPY" && i.args.includes("--from=")).map((i) => i.args);
    expect(copiesFrom.some((c) => c.includes("--from=build") && c.includes("/app/dist"))).toBe(true);
    expect(copiesFrom.some((c) => c.includes("--from=deps") && c.includes("/app/node_modules"))).toBe(true);
    // npm itself never runs in the runtime stage.
    expect(final.filter((i) => i.keyword === "RUN").some((i) => /\bnpm\b/.test(i.args))).toBe(false);
  });

  it("runs as a non-root user, exposes 8000, checks /health/ready and serves", () => {
    const user = final.filter((i) => i.keyword === "USER").at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(final.find((i) => i.keyword === "EXPOSE")?.args).toBe("8000");
    expect(final.find((i) => i.keyword === "HEALTHCHECK")?.args).toContain("/health/ready");
    expect(JSON.parse(final.find((i) => i.keyword === "CMD")?.args ?? "null")).toEqual(["node", "bin/calendar-api.js", "serve"]);
    const env = final.filter((i) => i.keyword === "ENV").map((i) => i.args).join(" ");
    expect(env).toMatch(/\bENVIRONMENT=docker\b/);
    const volumes = JSON.parse(final.find((i) => i.keyword === "VOLUME")?.args ?? "[]") as string[];
    expect(volumes.sort()).toEqual(["/app/data", "/app/logs"]);
  });

  it("copies only paths that exist and that .dockerignore lets into the build context, the golden files included", () => {
    const copied: string[] = [];
    for (const i of instructions.filter((i) => (i.keyword === "COPY" || i.keyword === "ADD") && !i.args.includes("--from=") && !i.heredoc)) {
      const parts = i.args.split(/\s+/).filter((p) => !p.startsWith("--"));
      for (const src of parts.slice(0, -1)) {
        expect(existsSync(join(ROOT, src)), src).toBe(true);
        expect(dockerIgnored(ignoreRules, src), `${src} is excluded by .dockerignore`).toBe(false);
        copied.push(src.replace(/\/$/, ""));
      }
    }
    // The in-process accuracy scorer reads these at run time.
    for (const file of ACCURACY_FILES) {
      expect(copied.some((c) => file === c || file.startsWith(c + "/")), file).toBe(true);
      expect(dockerIgnored(ignoreRules, file), file).toBe(false);
    }
    // What the image builds itself, and what must never be sent.
    for (const path of ["node_modules", "dist", ".git", "deploy/secrets/api_keys", "logs", "data"]) expect(dockerIgnored(ignoreRules, path), path).toBe(true);
  });

  describe("its entrypoint", () => {
    const script = instructions.find((i) => i.heredoc && i.args.includes("entrypoint"))?.heredoc ?? "";
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "deploy-entrypoint-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("is the ENTRYPOINT and exports secret files named like variables, without overriding set ones", () => {
      const entrypoint = JSON.parse(final.find((i) => i.keyword === "ENTRYPOINT")?.args ?? "[]") as string[];
      expect(instructions.find((i) => i.heredoc)?.args).toContain(entrypoint[0]);
      const secrets = join(dir, "secrets");
      execFileSync("mkdir", ["-p", secrets]);
      writeFileSync(join(secrets, "API_KEYS"), "ops:0123456789abcdef:read+write+admin\n");
      writeFileSync(join(secrets, "DATABASE_URL"), "postgres://u:p@postgres:5432/db");
      writeFileSync(join(secrets, "REDIS_URL"), "redis://from-file");
      writeFileSync(join(secrets, "slack_webhook_url"), "https://example.invalid/hook");
      writeFileSync(join(dir, "entrypoint.sh"), script.replaceAll("/run/secrets", secrets));
      const result = spawnSync("sh", [join(dir, "entrypoint.sh"), "env"], { env: { PATH: process.env.PATH, REDIS_URL: "redis://already-set" }, encoding: "utf8" });
      expect(result.status, result.stderr).toBe(0);
      const env = parseEnvFile(result.stdout);
      expect(env.API_KEYS).toBe("ops:0123456789abcdef:read+write+admin");
      expect(env.DATABASE_URL).toBe("postgres://u:p@postgres:5432/db");
      expect(env.REDIS_URL).toBe("redis://already-set");
      expect(env.slack_webhook_url).toBeUndefined();
    });
  });

  describe("its HEALTHCHECK command", () => {
    let server: Server;
    let status = 200;
    const seen: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        seen.push(req.url ?? "");
        res.statusCode = status;
        res.end();
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    const command = () => {
      const args = final.find((i) => i.keyword === "HEALTHCHECK")?.args ?? "";
      return JSON.parse(args.slice(args.indexOf("CMD") + 3).trim()) as string[];
    };
    // Asynchronous: the server answering it runs in this process.
    const run = () =>
      new Promise<number | null>((resolveRun) => {
        const [program, ...rest] = command();
        const child = spawn(program === "node" ? process.execPath : program, rest, { env: { PORT: String((server.address() as AddressInfo).port) }, stdio: "ignore" });
        const timer = setTimeout(() => child.kill(), 10_000);
        child.on("exit", (code) => {
          clearTimeout(timer);
          resolveRun(code);
        });
      });

    it("exits 0 when /health/ready answers 200 and 1 when it answers 503", async () => {
      status = 200;
      expect(await run()).toBe(0);
      status = 503;
      expect(await run()).toBe(1);
      expect(seen).toEqual(["/health/ready", "/health/ready"]);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("Kubernetes manifests (deploy/k8s)", () => {
  const K8S = join(DEPLOY, "k8s");
  const kustomization = yamlAt("k8s/kustomization.yaml");
  const resources = list(kustomization.resources).map(String);
  const docs = readdirSync(K8S)
    .filter((f) => /\.ya?ml$/.test(f) && f !== "kustomization.yaml")
    .flatMap((f) => parseAllDocuments(readFileSync(join(K8S, f), "utf8")).map((d) => ({ file: f, doc: dict(d.toJS()) })));
  const find = (kind: string, name: string) => {
    const found = docs.find((d) => d.doc.kind === kind && dict(d.doc.metadata).name === name);
    if (!found) throw new Error(`no ${kind} ${name}`);
    return found.doc;
  };
  const configMap = dict(find("ConfigMap", "calendar-api-config").data) as Record<string, string>;
  const secretTemplate = dict(find("Secret", "calendar-api-secrets").stringData) as Record<string, string>;
  const api = find("Deployment", "calendar-api");
  const worker = find("Deployment", "calendar-api-worker");
  const podSpec = (d: Dict) => dict(dict(dict(d.spec).template).spec);
  const container = (d: Dict) => dict(list(podSpec(d).containers)[0]);
  const podLabels = (d: Dict) => dict(dict(dict(dict(d.spec).template).metadata).labels);
  const matches = (selector: unknown, labels: Dict) => Object.entries(dict(selector)).every(([k, v]) => labels[k] === v);
  const healthRoutes = readFileSync(join(ROOT, "src/http/routes/health.ts"), "utf8");

  it("lists every manifest in kustomization.yaml except the Secret template", () => {
    for (const r of resources) expect(existsSync(join(K8S, r)), r).toBe(true);
    const files = readdirSync(K8S).filter((f) => /\.ya?ml$/.test(f) && f !== "kustomization.yaml");
    expect([...resources].sort()).toEqual(files.filter((f) => f !== "secret.template.yaml").sort());
    expect(kustomization.namespace).toBe(dict(find("Namespace", "calendar-api").metadata).name);
    for (const { doc } of docs) {
      expect(doc.apiVersion).toBeDefined();
      expect(doc.kind).toBeDefined();
    }
  });

  it("keeps secrets out of the ConfigMap and only placeholders in the Secret template", () => {
    for (const key of Object.keys(configMap)) {
      expect(CONFIG_VARIABLES.has(key), `ConfigMap ${key}`).toBe(true);
      expect(SECRET_VARIABLES.has(key), `ConfigMap ${key} is a secret`).toBe(false);
    }
    expect(Object.keys(secretTemplate).sort()).toEqual(["API_KEYS", "DATABASE_URL", "REDIS_URL"]);
    for (const [key, value] of Object.entries(secretTemplate)) {
      expect(CONFIG_VARIABLES.has(key), key).toBe(true);
      expect(value, key).toBe("REPLACE_ME");
    }
    expect(readFileSync(join(K8S, "secret.template.yaml"), "utf8")).toMatch(/TEMPLATE — NOT A REAL SECRET/);
  });

  it("gives a configuration production accepts, and one the service refuses with the template's placeholders", () => {
    const { config } = loadWith({ ...configMap, ...FAKE_SECRETS });
    expect(config.environment).toBe("production");
    expect(config.server.port).toBe(8000);
    expect(() => loadWith({ ...configMap, ...secretTemplate })).toThrow(ConfigError);
  });

  it("probes the API on routes it serves, on its named port", () => {
    const c = container(api);
    const port = list(c.ports).map(dict).find((p) => p.name === "http");
    expect(port?.containerPort).toBe(Number(configMap.PORT));
    const probes = { livenessProbe: "/health/live", readinessProbe: "/health/ready", startupProbe: "/health/live" } as const;
    for (const [probe, path] of Object.entries(probes)) {
      const get = dict(dict(c[probe]).httpGet);
      expect(get.path, probe).toBe(path);
      expect(get.port, probe).toBe("http");
      expect(healthRoutes, `${path} is a route of src/http/routes/health.ts`).toContain(`"${path}"`);
    }
    expect(c.command).toEqual(["node", "bin/calendar-api.js", "serve"]);
  });

  it("runs two workers that probe their own listener on the named metrics port", () => {
    const { config } = loadWith({ ...configMap, ...FAKE_SECRETS });
    expect(config.queue.backend).toBe("redis");
    expect(dict(worker.spec).replicas).toBe(2);
    const c = container(worker);
    const port = list(c.ports).map(dict).find((p) => p.name === "metrics");
    expect(port?.containerPort).toBe(config.queue.workerPort);
    expect(config.queue.workerPort).toBe(9464);
    const workerSource = readFileSync(join(ROOT, "src/main/worker.ts"), "utf8");
    const probes = { livenessProbe: "/health/live", readinessProbe: "/health/ready", startupProbe: "/health/live" } as const;
    for (const [probe, path] of Object.entries(probes)) {
      const get = dict(dict(c[probe]).httpGet);
      expect(get.path, probe).toBe(path);
      expect(get.port, probe).toBe("metrics");
      expect(workerSource, `${path} is served by src/main/worker.ts`).toContain(`"${path}"`);
    }
    // No traffic to drain: SIGTERM alone stops it.
    expect(c.lifecycle).toBeUndefined();
  });

  it("annotates the worker pods for Prometheus on the worker's port", () => {
    const annotations = dict(dict(dict(dict(worker.spec).template).metadata).annotations);
    expect(annotations["prometheus.io/scrape"]).toBe("true");
    expect(annotations["prometheus.io/port"]).toBe(configMap.WORKER_PORT);
    expect(annotations["prometheus.io/path"]).toBe("/metrics");
  });

  it("shares the uploaded files between the API and the worker pods on a ReadWriteMany claim at STORAGE_PATH", () => {
    const { config } = loadWith({ ...configMap, ...FAKE_SECRETS });
    expect(config.storage.path).toBe(configMap.STORAGE_PATH);
    const claim = find("PersistentVolumeClaim", "calendar-api-files");
    expect(list(dict(claim.spec).accessModes)).toEqual(["ReadWriteMany"]);
    for (const d of [api, worker]) {
      const volume = list(podSpec(d).volumes).map(dict).find((v) => dict(v.persistentVolumeClaim).claimName === "calendar-api-files");
      expect(volume, String(dict(d.metadata).name)).toBeDefined();
      const mount = list(container(d).volumeMounts).map(dict).find((m) => m.name === volume?.name);
      expect(mount?.mountPath, String(dict(d.metadata).name)).toBe(config.storage.path);
    }
  });

  it("drains before it is killed: termination grace > preStop sleep + SHUTDOWN_GRACE_MS", () => {
    const shutdownGraceMs = Number(configMap.SHUTDOWN_GRACE_MS);
    expect(loadWith({ ...configMap, ...FAKE_SECRETS }).config.server.shutdownGraceMs).toBe(shutdownGraceMs);
    const preStop = list(dict(dict(dict(container(api).lifecycle).preStop).exec).command).map(String);
    expect(preStop[0]).toBe("sleep");
    const sleepMs = Number(preStop[1]) * 1000;
    for (const d of [api, worker]) {
      expect(Number(podSpec(d).terminationGracePeriodSeconds) * 1000).toBeGreaterThan(sleepMs + shutdownGraceMs);
    }
  });

  it("runs both Deployments non-root on a read-only root filesystem, with writable emptyDirs where the service writes", () => {
    const uid = /USER\s+(\d+)/.exec(text("Dockerfile"))?.[1];
    for (const d of [api, worker]) {
      const pod = dict(podSpec(d).securityContext);
      expect(pod.runAsNonRoot).toBe(true);
      expect(String(pod.runAsUser)).toBe(uid);
      const c = container(d);
      const sc = dict(c.securityContext);
      expect(sc.readOnlyRootFilesystem).toBe(true);
      expect(sc.allowPrivilegeEscalation).toBe(false);
      expect(list(dict(sc.capabilities).drop)).toEqual(["ALL"]);
      const emptyDirs = new Set(list(podSpec(d).volumes).map(dict).filter((v) => v.emptyDir !== undefined).map((v) => v.name));
      const writable = list(c.volumeMounts).map(dict).filter((m) => emptyDirs.has(m.name)).map((m) => m.mountPath);
      expect(writable).toEqual(expect.arrayContaining([configMap.LOG_DIR, configMap.DATA_DIR, "/tmp"]));
      const resources = dict(c.resources);
      for (const k of ["requests", "limits"]) {
        expect(dict(resources[k]).cpu, `${k}.cpu`).toBeDefined();
        expect(dict(resources[k]).memory, `${k}.memory`).toBeDefined();
      }
      const refs = list(c.envFrom).map(dict);
      expect(refs.map((r) => dict(r.configMapRef).name).filter(Boolean)).toEqual(["calendar-api-config"]);
      expect(refs.map((r) => dict(r.secretRef).name).filter(Boolean)).toEqual(["calendar-api-secrets"]);
      expect(dict(dict(d.spec).selector).matchLabels).toEqual(expect.objectContaining({ "app.kubernetes.io/name": "calendar-api" }));
      expect(matches(dict(dict(d.spec).selector).matchLabels, podLabels(d))).toBe(true);
    }
    expect(dict(api.spec).replicas).toBe(2);
    expect(container(worker).command).toEqual(["node", "bin/calendar-api.js", "worker"]);
  });

  it("annotates the API pods for Prometheus on the metrics port", () => {
    const annotations = dict(dict(dict(dict(api.spec).template).metadata).annotations);
    expect(annotations["prometheus.io/scrape"]).toBe("true");
    expect(annotations["prometheus.io/port"]).toBe(configMap.PORT);
    expect(annotations["prometheus.io/path"]).toBe("/metrics");
    expect(healthRoutes).toContain(`"/metrics"`);
  });

  it("routes the Service to the API pods only", () => {
    const service = find("Service", "calendar-api");
    const spec = dict(service.spec);
    expect(matches(spec.selector, podLabels(api))).toBe(true);
    expect(matches(spec.selector, podLabels(worker))).toBe(false);
    const port = dict(list(spec.ports)[0]);
    expect(port.port).toBe(8000);
    expect(port.targetPort).toBe("http");
  });

  it("autoscales the API 2–10 on CPU 70% and memory 80%", () => {
    const hpa = find("HorizontalPodAutoscaler", "calendar-api");
    expect(hpa.apiVersion).toBe("autoscaling/v2");
    const spec = dict(hpa.spec);
    expect(dict(spec.scaleTargetRef)).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "calendar-api" });
    expect(spec.minReplicas).toBe(2);
    expect(spec.maxReplicas).toBe(10);
    const targets = Object.fromEntries(list(spec.metrics).map(dict).map((m) => [dict(m.resource).name, dict(dict(m.resource).target)]));
    expect(targets.cpu).toEqual({ type: "Utilization", averageUtilization: 70 });
    expect(targets.memory).toEqual({ type: "Utilization", averageUtilization: 80 });
    // Utilisation is of the requests: they must be set.
    expect(dict(dict(container(api).resources).requests).cpu).toBeDefined();
  });

  it("keeps one API pod through voluntary disruptions", () => {
    const pdb = find("PodDisruptionBudget", "calendar-api");
    expect(pdb.apiVersion).toBe("policy/v1");
    const spec = dict(pdb.spec);
    expect(spec.minAvailable).toBe(1);
    expect(matches(dict(spec.selector).matchLabels, podLabels(api))).toBe(true);
    expect(matches(dict(spec.selector).matchLabels, podLabels(worker))).toBe(false);
  });

  it("uses the image kustomization.yaml tags", () => {
    const images = list(kustomization.images).map((i) => String(dict(i).name));
    for (const d of [api, worker]) expect(images).toContain(String(container(d).image).split(":")[0]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("Loki and Promtail", () => {
  const promtail = yamlAt("promtail/promtail-config.yml");
  const job = dict(list(promtail.scrape_configs)[0]);
  const staticConfigs = list(job.static_configs).map((s) => dict(dict(s).labels));
  const stages = list(job.pipeline_stages).map(dict);
  const stage = (name: string) => dict(stages.find((s) => name in s)?.[name]);

  it("tails exactly the four log files of src/ops/logger.ts, in the folder the API writes", () => {
    const paths = staticConfigs.map((l) => String(l.__path__));
    expect(paths.map((p) => basename(p)).sort()).toEqual(Object.values(LOG_FILES).sort());
    const composeEnv = parseEnvFile(text("env/calendar-api.env"));
    for (const p of paths) expect(dirname(p)).toBe(composeEnv.LOG_DIR);
    for (const l of staticConfigs) expect(l.job).toBe("calendar-api");
  });

  it("extracts level, requestId, component, channel and duration_ms; labels only the bounded ones", () => {
    expect(Object.keys(dict(stage("json").expressions))).toEqual(expect.arrayContaining(["level", "requestId", "component", "channel", "duration_ms"]));
    const labels = Object.keys(stage("labels"));
    expect(labels.sort()).toEqual(["channel", "component", "level"]);
    for (const unbounded of ["requestId", "duration_ms"]) expect(labels).not.toContain(unbounded);
    expect(Object.keys(stage("structured_metadata")).sort()).toEqual(["duration_ms", "requestId"]);
    expect(dict(stage("timestamp")).source).toBe("time");
  });

  describe("against the lines the service really writes", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "deploy-promtail-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("finds every extracted field under the name the pipeline reads, and an RFC 3339 time", async () => {
      const loggers = createLogger({ level: "info", dir, maxFileSizeMb: 10, maxFiles: 2, stdout: false });
      const observer = createObserver(createMetrics({ defaultMetrics: false }), loggers, { parses: 0 });
      observer.request({ method: "POST", route: "/parse", status: 200, seconds: 0.0123, requestId: "req-1" });
      loggers.root.error({ requestId: "req-2" }, "boom");
      await loggers.close();
      const read = (name: string) => readFileSync(join(dir, name), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Dict);
      const [timing] = read(LOG_FILES.performance);
      const expressions = dict(stage("json").expressions) as Record<string, string>;
      for (const field of ["level", "requestId", "component", "channel", "duration_ms", "time"]) {
        expect(timing, `${LOG_FILES.performance}: ${field}`).toHaveProperty(expressions[field]);
      }
      expect(timing.level).toBe("info");
      expect(timing.channel).toBe("performance");
      expect(timing.duration_ms).toBe(12.3);
      expect(new Date(String(timing.time)).toISOString()).toBe(timing.time);
      const [error] = read(LOG_FILES.errors);
      expect(error.level).toBe("error");
      expect(error.requestId).toBe("req-2");
    });
  });

  it("runs Loki as one binary on the filesystem, with retention and structured metadata", () => {
    const loki = yamlAt("loki/loki-config.yml");
    expect(loki.auth_enabled).toBe(false);
    expect(dict(dict(dict(loki.common).storage).filesystem).chunks_directory).toBeDefined();
    const schema = dict(list(dict(loki.schema_config).configs).at(-1));
    expect(schema).toEqual(expect.objectContaining({ store: "tsdb", object_store: "filesystem", schema: "v13" }));
    const limits = dict(loki.limits_config);
    expect(limits.allow_structured_metadata).toBe(true);
    expect(String(limits.retention_period)).toMatch(/^\d+[hd]$/);
    const compactor = dict(loki.compactor);
    expect(compactor.retention_enabled).toBe(true);
    expect(compactor.delete_request_store).toBe("filesystem");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("the native runner (deploy/native)", () => {
  const script = join(DEPLOY, "native/run-stack.sh");

  it("is an executable bash script that parses", () => {
    expect(statSync(script).mode & 0o111).not.toBe(0);
    const check = spawnSync("bash", ["-n", script], { encoding: "utf8" });
    expect(check.status, check.stderr).toBe(0);
  });

  it("prints its usage", () => {
    const help = spawnSync("bash", [script, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--smoke");
  });

  it("reads the stack's own configuration files, and says Debian has no Loki", () => {
    const source = readFileSync(script, "utf8");
    for (const path of ["deploy/prometheus/prometheus.yml", "deploy/alertmanager/alertmanager.yml", "deploy/loki/loki-config.yml", "deploy/promtail/promtail-config.yml"]) {
      expect(source, path).toContain(`$DEPLOY/${path.slice("deploy/".length)}`);
    }
    expect(readFileSync(join(DEPLOY, "native/README.md"), "utf8")).toMatch(/not in Debian/);
  });
});
