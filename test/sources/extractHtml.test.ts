// extractHtml: structured data first, deduplicated across flavours; text blocks only when no structured event; bytes and base.
import { describe, expect, it } from "vitest";
import { extractHtml, htmlExtractor } from "../../src/sources/html/extractHtml.js";
import { NY, NY_PAGE, fixture } from "./helpers.js";

describe("extractHtml", () => {
  it("uses the JSON-LD event and not the page's text", () => {
    const { events } = extractHtml(fixture("jsonld-event.html").toString("utf8"), NY);
    expect(events.map((e) => [e.title, e.via])).toEqual([["Winter Jazz & Blues Night", "json-ld"]]);
  });

  it("keeps an event marked up twice (JSON-LD and microdata) once, from JSON-LD", () => {
    const html = `<script type="application/ld+json">{"@type":"Event","name":"Quiz night","startDate":"2026-12-02T20:00:00-05:00"}</script>
      <div itemscope itemtype="https://schema.org/Event"><span itemprop="name">Quiz  night</span><meta itemprop="startDate" content="2026-12-02T20:00"></div>
      <div itemscope itemtype="https://schema.org/Event"><span itemprop="name">Pub run</span><meta itemprop="startDate" content="2026-12-03T19:00"></div>`;
    expect(extractHtml(html, NY).events.map((e) => [e.title, e.via])).toEqual([
      ["Quiz night", "json-ld"],
      ["Pub run", "microdata"],
    ]);
  });

  it("falls back to text blocks when structured data has no usable event, keeping its warnings", () => {
    const html = `<script type="application/ld+json">{"@type":"Event","name":"Someday","startDate":"TBA"}</script><ul><li>Dec 12 Carol sing 7pm at St. Mark's Church</li></ul>`;
    const { events, warnings } = extractHtml(html, NY);
    expect(events.map((e) => [e.title, e.start, e.via])).toEqual([["Carol sing", "2026-12-12T19:00:00-05:00", "text"]]);
    expect(warnings).toEqual(['JSON-LD item 1 "Someday": no recognisable startDate ("TBA"); skipped']);
  });

  it("warns when a page holds no event at all", () => {
    expect(extractHtml("<h1>About us</h1><p>Founded in 1987.</p>", NY)).toEqual({ events: [], warnings: ["no dated event was found in the text"] });
  });

  it("resolves links against the page's <base href>", () => {
    const html = `<head><base href="/site/"></head><div class="h-event"><a class="u-url p-name" href="e/1">Craft swap</a><time class="dt-start" datetime="2026-12-09">Dec 9</time></div>`;
    expect(extractHtml(html, NY_PAGE("https://example.org/a/b")).events[0].url).toBe("https://example.org/site/e/1");
  });
});

describe("htmlExtractor bytes", () => {
  it("decodes a page by its <meta charset>", async () => {
    const html = `<meta charset="windows-1252"><ul><li>Dec 12 Caf\u00e9 concert 7pm</li></ul>`;
    const { events } = await htmlExtractor.extract(Buffer.from(html, "latin1"), NY);
    expect(events[0].title).toBe("Café concert");
  });

  it("decodes UTF-8 with a BOM", async () => {
    const { events } = await htmlExtractor.extract(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<p>Dec 12 Café concert 7pm</p>")]), NY);
    expect(events[0].title).toBe("Café concert");
  });
});
