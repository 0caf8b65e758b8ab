// The browser renderer: pages whose events a script inserts after load come back with them in the HTML.
// Needs Debian's Chromium at /usr/bin/chromium (CI installs it); skipped, saying so, where it is missing.
import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createBrowserRenderer } from "../../src/adapters/fetch/browserRenderer.js";
import { send, useServers } from "./testServer.js";

const CHROMIUM = "/usr/bin/chromium";
const describeWithChromium = existsSync(CHROMIUM) ? describe : describe.skip;
const title = existsSync(CHROMIUM) ? "browser renderer" : `browser renderer (skipped: ${CHROMIUM} is missing; apt-get install chromium)`;

const PAGE = `<!doctype html><html><head><title>Events</title></head><body><ul id="events"></ul>
<script>
  window.addEventListener("load", () => {
    fetch("/events.json").then((r) => r.json()).then((events) => {
      for (const e of events) {
        const li = document.createElement("li");
        li.className = "event";
        li.textContent = e.name + " — " + e.date;
        document.getElementById("events").appendChild(li);
      }
    });
  });
</script></body></html>`;

describeWithChromium(title, () => {
  const serve = useServers();
  const renderer = createBrowserRenderer({ executablePath: CHROMIUM, timeoutMs: 20_000, idleTimeoutMs: 3_000 });
  afterAll(() => renderer.close());

  it("returns the DOM after scripts inserted the events", async () => {
    const s = await serve((req, res) => {
      if (req.url === "/calendar") send(res, 200, PAGE, { "content-type": "text/html; charset=utf-8" });
      else if (req.url === "/events.json") setTimeout(() => send(res, 200, JSON.stringify([{ name: "Jazz night", date: "2025-06-01" }, { name: "Poetry slam", date: "2025-06-02" }]), { "content-type": "application/json" }), 100);
      else send(res, 404);
    });
    const page = await renderer.render(`${s.origin}/calendar`);
    expect(page.url).toBe(`${s.origin}/calendar`);
    expect(page.html).toContain('<li class="event">Jazz night — 2025-06-01</li>');
    expect(page.html).toContain('<li class="event">Poetry slam — 2025-06-02</li>');
    expect(s.hits("/calendar")[0].headers["user-agent"]).toMatch(/^calendar-api\//);
  }, 60_000);

  it("reuses one browser and reports a 404 as http-4xx", async () => {
    const s = await serve((_req, res) => send(res, 404, "gone"));
    await expect(renderer.render(`${s.origin}/missing`)).rejects.toMatchObject({ reason: "http-4xx", retryable: false, httpStatus: 404 });
  }, 60_000);

  it("stops when the caller aborts", async () => {
    const s = await serve(() => undefined); // never answers
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await expect(renderer.render(`${s.origin}/hang`, controller.signal)).rejects.toMatchObject({ name: "AbortError" });
  }, 60_000);

  it("refuses a non-http URL before launching anything", async () => {
    await expect(renderer.render("file:///etc/passwd")).rejects.toMatchObject({ reason: "invalid-url" });
  });
});
