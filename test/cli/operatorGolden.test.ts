// `calendar-api golden update`: reviewed feedback becomes golden cases (validated, new f-ids, tagged "feedback"),
// duplicates of the golden set and unreviewed lines are skipped, a bad line stops everything; the result is a
// golden file `eval` reads.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseGoldenFile } from "../../src/core/eval/golden.js";
import { main } from "../../src/main/cli.js";
import { DEFAULT_GOLDEN } from "../../src/main/commands/evalCommand.js";
import { goldenUpdateCommand } from "../../src/main/commands/goldenUpdateCommand.js";
import { captureIo, tempDir } from "./operatorHelpers.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const OTHERS = DEFAULT_GOLDEN.map((p) => join(ROOT, p));
const NY = "America/New_York";
const REF = "2026-11-23T10:00:00-05:00";

const existing = { id: "f001", text: "Team lunch Friday at noon", reference: REF, timezone: NY, tags: ["feedback"], expect: [{ title: "Team lunch", start: "2026-11-27T12:00:00-05:00", allDay: false }] };
const dev = parseGoldenFile(readFileSync(OTHERS[0]!, "utf8"))[0]!;

const line = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
const reviewed = (text: string, extra: Record<string, unknown> = {}) => ({ text, reference: REF, timezone: NY, expect: [{ title: text.split(" ")[0], start: "2026-11-24T15:00:00-05:00" }], reviewed: true, ...extra });

describe("calendar-api golden update", () => {
  let tmp: ReturnType<typeof tempDir>;
  let golden: string;
  let feedback: string;
  beforeEach(() => {
    tmp = tempDir("golden");
    golden = join(tmp.dir, "events-feedback.jsonl");
    feedback = join(tmp.dir, "feedback.jsonl");
    writeFileSync(golden, `${JSON.stringify(existing)}`); // no final newline: appending must add one
  });
  afterEach(() => tmp.remove());

  it("adds reviewed, new cases with the next ids; skips unreviewed lines and duplicates of the golden set and of each other", async () => {
    writeFileSync(
      feedback,
      [
        line(reviewed("Haircut tomorrow at 3pm", { tags: ["relative"] })),
        "",
        line({ ...reviewed("Draft: not checked yet"), reviewed: false }),
        line({ text: "No review field at all", reference: REF, timezone: NY, expect: [] }),
        line({ text: existing.text, reference: REF, timezone: NY, expect: [], reviewed: true }),
        line({ text: dev.text, reference: dev.reference, timezone: dev.timezone, expect: dev.expect, reviewed: true }),
        line(reviewed("Haircut tomorrow at 3pm")),
        line({ text: "Water the plants, no date yet", reference: REF, timezone: NY, expect: [], reviewed: true, id: "ignored" }),
      ].join("\n"),
    );
    const h = captureIo();
    expect(await goldenUpdateCommand({ feedback, golden, others: OTHERS, dryRun: false }, h.io)).toBe(0);
    expect(h.out()).toBe(`added f002: "Haircut tomorrow at 3pm"\nadded f003: "Water the plants, no date yet"\n2 added, 3 duplicates skipped, 2 unreviewed skipped; golden file ${golden}\n`);

    const cases = parseGoldenFile(readFileSync(golden, "utf8"));
    expect(cases.map((c) => c.id)).toEqual(["f001", "f002", "f003"]);
    expect(cases[1]).toEqual({ id: "f002", text: "Haircut tomorrow at 3pm", reference: REF, timezone: NY, tags: ["relative", "feedback"], expect: [{ title: "Haircut", start: "2026-11-24T15:00:00-05:00" }] });
    expect(cases[2]).toMatchObject({ id: "f003", tags: ["feedback"], expect: [] });
    // Written in the style of the other golden files.
    expect(readFileSync(golden, "utf8").split("\n")[2]).toBe('{"id": "f003", "text": "Water the plants, no date yet", "reference": "2026-11-23T10:00:00-05:00", "timezone": "America/New_York", "tags": ["feedback"], "expect": []}');

    // Running it again adds nothing.
    const again = captureIo();
    expect(await goldenUpdateCommand({ feedback, golden, others: OTHERS, dryRun: false }, again.io)).toBe(0);
    expect(again.out()).toMatch(/^0 added, 5 duplicates skipped, 2 unreviewed skipped/m);
  });

  it("the result is a golden file eval scores (the feedback tag reported apart)", async () => {
    writeFileSync(feedback, line(reviewed("Dentist appointment tomorrow at 3pm", { expect: [{ title: "Dentist appointment", start: "2026-11-24T15:00:00-05:00", end: null, allDay: false }] })));
    expect(await goldenUpdateCommand({ feedback, golden, others: [], dryRun: false }, captureIo().io)).toBe(0);
    const h = captureIo();
    expect(await main(["eval", "--golden", golden, "--json"], h.io)).toBe(0);
    const report = JSON.parse(h.out());
    expect(report.total).toBe(2);
    expect(report.tags.feedback.total).toBe(2);
  });

  it("a bad reviewed line stops everything before writing, naming the file and line", async () => {
    const before = readFileSync(golden, "utf8");
    for (const [bad, message] of [
      [line(reviewed("Yoga at 7", { timezone: "Mars/Olympus" })), /feedback\.jsonl:2: "timezone" must be a known IANA zone; nothing was added\n$/],
      [line(reviewed("Yoga at 7", { expect: [{ title: "Yoga", when: "7am" }] })), /feedback\.jsonl:2: expect\[0\]: unknown field "when"/],
      ["{not json", /feedback\.jsonl:2: not valid JSON/],
      [line([1, 2]), /feedback\.jsonl:2: not a JSON object/],
      [line({ ...reviewed("Yoga at 7"), reviewed: "yes" }), /feedback\.jsonl:2: "reviewed" must be true or false/],
    ] as Array<[string, RegExp]>) {
      writeFileSync(feedback, `${line(reviewed("Fine line tomorrow at 3pm"))}\n${bad}\n`);
      const h = captureIo();
      expect(await main(["golden", "update", "--feedback", feedback, "--golden", golden], h.io), bad).toBe(2);
      expect(h.err()).toMatch(message);
      expect(h.err().trim().split("\n")).toHaveLength(1);
      expect(readFileSync(golden, "utf8")).toBe(before);
    }
  });

  it("--dry-run writes nothing; a missing golden file is created with f001; usage errors exit 2", async () => {
    writeFileSync(feedback, line(reviewed("Concert Saturday at 8pm")));
    const dry = captureIo();
    expect(await main(["golden", "update", "--feedback", feedback, "--golden", golden, "--dry-run"], dry.io)).toBe(0);
    expect(dry.out()).toMatch(/^would add f002: "Concert Saturday at 8pm"\n1 to add, 0 duplicates skipped/);
    expect(parseGoldenFile(readFileSync(golden, "utf8"))).toHaveLength(1);

    const fresh = join(tmp.dir, "new", "events-feedback.jsonl");
    expect(await main(["golden", "update", "--feedback", feedback, "--golden", fresh], captureIo().io)).toBe(0);
    expect(existsSync(fresh)).toBe(true);
    expect(parseGoldenFile(readFileSync(fresh, "utf8")).map((c) => c.id)).toEqual(["f001"]);

    for (const [argv, message] of [
      [["golden"], /unknown golden command \(none\)/],
      [["golden", "update"], /needs --feedback FILE/],
      [["golden", "update", "--feedback", join(tmp.dir, "missing.jsonl"), "--golden", golden], /cannot read .*missing\.jsonl/],
    ] as Array<[string[], RegExp]>) {
      const h = captureIo();
      expect(await main(argv, h.io)).toBe(2);
      expect(h.err()).toMatch(message);
    }
  });

  it("a broken golden file is refused, not appended to", async () => {
    writeFileSync(golden, `${JSON.stringify(existing)}\n${JSON.stringify(existing)}\n`);
    writeFileSync(feedback, line(reviewed("Concert Saturday at 8pm")));
    const h = captureIo();
    expect(await main(["golden", "update", "--feedback", feedback, "--golden", golden], h.io)).toBe(2);
    expect(h.err()).toMatch(/events-feedback\.jsonl: golden line 2: id "f001" already used on line 1/);
  });
});
