/** The retry delay: exponential in the attempt, capped, jittered by an injected random source. */
import { describe, expect, it } from "vitest";
import { backoffDelay, MAX_BACKOFF_MS } from "../../src/core/jobs/backoff.js";

const fixed = (value: number) => () => value;

describe("backoffDelay", () => {
  it("doubles with each attempt from the base (no jitter)", () => {
    const delays = [1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, { baseMs: 1_000, jitter: "none" }, Math.random));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it("is capped at maxMs, and at one hour by default", () => {
    expect(backoffDelay(10, { baseMs: 1_000, maxMs: 60_000, jitter: "none" }, Math.random)).toBe(60_000);
    expect(backoffDelay(40, { baseMs: 1_000, jitter: "none" }, Math.random)).toBe(MAX_BACKOFF_MS);
    // 2^2000 is Infinity: the cap still applies.
    expect(backoffDelay(2_000, { baseMs: 1, jitter: "none" }, Math.random)).toBe(MAX_BACKOFF_MS);
  });

  it("full jitter spreads the delay over [0, d]", () => {
    expect(backoffDelay(3, { baseMs: 100, jitter: "full" }, fixed(0))).toBe(0);
    expect(backoffDelay(3, { baseMs: 100, jitter: "full" }, fixed(0.5))).toBe(200);
    expect(backoffDelay(3, { baseMs: 100, jitter: "full" }, fixed(0.999_999))).toBe(400);
  });

  it("equal jitter keeps at least half the delay, and is the default", () => {
    expect(backoffDelay(3, { baseMs: 100 }, fixed(0))).toBe(200);
    expect(backoffDelay(3, { baseMs: 100 }, fixed(0.5))).toBe(300);
    expect(backoffDelay(3, { baseMs: 100, jitter: "equal" }, fixed(0.999_999))).toBe(400);
  });

  it("a zero base retries at once; attempts below 1 count as the first", () => {
    expect(backoffDelay(5, { baseMs: 0 }, fixed(0.5))).toBe(0);
    expect(backoffDelay(0, { baseMs: 100, jitter: "none" }, Math.random)).toBe(100);
    expect(backoffDelay(-3, { baseMs: 100, jitter: "none" }, Math.random)).toBe(100);
  });

  it("a random source outside [0, 1) cannot push the delay out of range", () => {
    expect(backoffDelay(1, { baseMs: 100, jitter: "full" }, fixed(7))).toBe(100);
    expect(backoffDelay(1, { baseMs: 100, jitter: "full" }, fixed(-1))).toBe(0);
  });
});
