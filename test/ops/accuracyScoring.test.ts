// The service's golden-set scoring (parsing_accuracy_score): the same accuracy as `eval`, computed without
// holding the event loop.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseGoldenFile, scoreGolden } from "../../src/core/eval/golden.js";
import { parse } from "../../src/core/parser/parse.js";
import { ACCURACY_FILES, scoreAccuracy } from "../../src/main/accuracy.js";

describe("scoreAccuracy", () => {
  it("gives the accuracy scoreGolden gives on the same files", async () => {
    const cases = ACCURACY_FILES.flatMap((file) => parseGoldenFile(readFileSync(new URL(`../../${file}`, import.meta.url), "utf8")));
    expect(cases.length).toBeGreaterThan(200);
    expect(await scoreAccuracy()).toBe(scoreGolden(cases, parse).accuracy);
  });

  it("lets the event loop turn while it scores: timers fire between slices", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    // A stopwatch that says every parse took 10 ms (each one ends a slice), and notes the ticks seen when
    // scoring starts (its first reading, once the files are read).
    let fake = 0;
    let ticksAtStart: number | undefined;
    const stopwatch = () => {
      ticksAtStart ??= ticks;
      return (fake += 10);
    };
    const accuracy = await scoreAccuracy(undefined, { sliceMs: 5, stopwatch });
    clearInterval(timer);
    expect(accuracy).toBeGreaterThan(0.9);
    expect(ticks - ticksAtStart!).toBeGreaterThan(0);
  });

});
