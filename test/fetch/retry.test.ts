// Retry timing inside one fetch: exponential backoff with equal jitter, and Retry-After parsing.
import { describe, expect, it } from "vitest";
import { backoffDelayMs, parseRetryAfter } from "../../src/adapters/fetch/retry.js";

describe("backoff", () => {
  it("doubles each attempt, half fixed and half jitter", () => {
    expect([0, 1, 2].map((n) => backoffDelayMs(n, 500, () => 0))).toEqual([250, 500, 1_000]);
    expect([0, 1, 2].map((n) => backoffDelayMs(n, 500, () => 0.999_999))).toEqual([500, 1_000, 2_000].map((v) => expect.closeTo(v, 0)));
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2025-06-01T12:00:00Z");
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("3", now)).toBe(3_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });
  it("reads an HTTP date relative to now, never negative", () => {
    expect(parseRetryAfter("Sun, 01 Jun 2025 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 01 Jun 2025 11:00:00 GMT", now)).toBe(0);
  });
  it("is null when absent or unreadable", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("later", now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
  });
});
