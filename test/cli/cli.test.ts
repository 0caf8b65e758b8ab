// The command line: parse, batch, eval and the one-line errors with exit code 2 (run in-process with captured IO).
import { describe, expect, it } from "vitest";
import { main } from "../../src/main/cli.js";
import type { CliIo } from "../../src/main/io.js";

function harness(stdinLines: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async function* () {
      yield* stdinLines;
    },
    now: () => Date.parse("2026-11-23T15:00:00Z"),
    readFile: async (p) => (await import("node:fs/promises")).readFile(p, "utf8"),
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

const REF = ["--reference", "2026-11-23T10:00:00-05:00", "--timezone", "America/New_York"];

describe("calendar-api parse", () => {
  it("prints the events and meta of DESIGN.md", async () => {
    const h = harness();
    const code = await main(["parse", "Dentist appointment tomorrow at 3pm", ...REF], h.io);
    expect(code).toBe(0);
    const result = JSON.parse(h.out());
    expect(result.meta.route).toBe("rules");
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ title: "Dentist appointment", start: "2026-11-24T15:00:00-05:00", allDay: false, timezone: "America/New_York" });
    expect(result.events[0].components.time).toMatchObject({ text: "3pm", span: [32, 35] });
  });

  it.each([
    [["parse", ...REF], /needs the text/],
    [["parse", "Lunch at noon", "--timezone", "Mars/Olympus"], /timezone is not a known IANA zone/],
    [["parse", "Lunch at noon", "--reference", "yesterday-ish", "--timezone", "UTC"], /reference is not an ISO 8601 date-time/],
    [["parse", "Lunch", "--bogus"], /Unknown option/],
    [["frobnicate"], /unknown command/],
  ])("bad input %j: one line on stderr, exit code 2", async (argv, message) => {
    const h = harness();
    const code = await main(argv as string[], h.io);
    expect(code).toBe(2);
    expect(h.err()).toMatch(message);
    expect(h.err().trim().split("\n")).toHaveLength(1);
    expect(h.out()).toBe("");
  });

  it("--batch answers one line per input line, in order, and names a bad line without stopping", async () => {
    const h = harness([
      JSON.stringify({ text: "Yoga class tomorrow 18:30", reference: "2026-11-23T10:00:00-05:00", timezone: "America/New_York" }),
      "not json",
      JSON.stringify({ text: "Buy milk", reference: "2026-11-23T10:00:00-05:00", timezone: "America/New_York" }),
      JSON.stringify({ text: "Call Bob at 5pm", reference: "2026-11-23T10:00:00-05:00", timezone: "Nowhere/Zone" }),
    ]);
    const code = await main(["parse", "--batch"], h.io);
    const lines = h.out().trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].events[0]).toMatchObject({ title: "Yoga class", start: "2026-11-24T18:30:00-05:00" });
    expect(lines[1].error.message).toMatch(/line 2 is not valid JSON/);
    expect(lines[2]).toEqual({ events: [] });
    expect(lines[3].error).toMatchObject({ code: "INVALID_TIMEZONE", field: "timezone" });
    expect(code).toBe(1);
  });
});

describe("calendar-api eval", () => {
  it("scores a golden file and prints accuracy, per-field, per-tag and confidence lines", async () => {
    const h = harness();
    const golden = new URL("../data/golden/events-dev.jsonl", import.meta.url).pathname;
    const code = await main(["eval", "--golden", golden], h.io);
    expect(code).toBe(0);
    const text = h.out();
    expect(text.split("\n")[0]).toMatch(/^accuracy: \d+\.\d% \(\d+\/80 correct\)/);
    expect(text).toMatch(/per field:/);
    expect(text).toMatch(/per tag:/);
    expect(text).toMatch(/confidence: correct mean/);
  });

  it("a missing golden file is a one-line error with exit code 2", async () => {
    const h = harness();
    expect(await main(["eval", "--golden", "/nonexistent/golden.jsonl"], h.io)).toBe(2);
    expect(h.err()).toMatch(/cannot read \/nonexistent\/golden.jsonl/);
  });
});
