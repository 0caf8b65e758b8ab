/**
 * The ceiling for bench/http: a bare Fastify 5 server with one route answering a constant JSON object.
 *
 * No logger, no plugins, no hooks, no schemas. `POST /parse` accepts the same JSON bodies the bench sends to
 * the real service (Fastify parses them, as it must for any JSON POST) and ignores them; the answer is a
 * small constant object serialised with JSON.stringify.
 *
 * Usage: node bench/http/bare-server.js [port]   (default 0: any free port)
 * Prints one line `{"port":N}` on stdout once listening; stops on SIGTERM or SIGINT.
 */
import Fastify from "fastify";

const ANSWER = { events: [], meta: { route: "rules", confidence: 0 } };

const app = Fastify({ logger: false });
app.post("/parse", async () => ANSWER);
app.get("/", async () => ANSWER);

const address = await app.listen({ host: "127.0.0.1", port: Number(process.argv[2] ?? 0) });
process.stdout.write(`${JSON.stringify({ port: Number(new URL(address).port) })}\n`);

const stop = () => void app.close().then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
