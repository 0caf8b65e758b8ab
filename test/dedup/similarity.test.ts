// Title, location and event similarity: normalisation, word order, small additions, numbers.
import { describe, expect, it } from "vitest";
import { eventSimilarity, locationSimilarity, titleSimilarity } from "../../src/core/dedup/similarity.js";
import { normaliseText } from "../../src/core/dedup/text.js";
import { DEFAULT_THRESHOLD } from "../../src/core/dedup/types.js";

describe("normaliseText", () => {
  it("lower-cases, strips accents and turns punctuation runs into single spaces", () => {
    expect(normaliseText("  Yoga — Débutants!! (Café Crème) ")).toBe("yoga debutants cafe creme");
  });

  it("keeps letters of other scripts and digits", () => {
    expect(normaliseText("Konzert №3 – Straße")).toBe("konzert no3 straße");
  });
});

describe("titleSimilarity", () => {
  const same: Array<[string, string]> = [
    ["Salsa Social", "Salsa social night at Havana Club"],
    ["Yoga — Beginners", "Beginners Yoga"],
    ["Jazz Night", "Jazz night @ Blue Note"],
    ["Café Crème tasting", "cafe creme TASTING"],
    ["Salsa Social", "Salsa Socials"],
    ["Zumba w/ Maria", "Zumba with Maria"],
    ["Book club", "Book Club: The Overstory"],
  ];
  const different: Array<[string, string]> = [
    ["Team standup", "Team retrospective"],
    ["Board meeting", "Book club"],
    ["Salsa Level 1", "Salsa Level 2"],
    ["Open mic", "Open studio"],
    ["Yoga Monday", "Yoga Tuesday"],
  ];

  it.each(same)("%j and %j reach the default threshold", (a, b) => {
    expect(titleSimilarity(a, b)).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it.each(different)("%j and %j stay below the default threshold", (a, b) => {
    expect(titleSimilarity(a, b)).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it.each([...same, ...different])("is symmetric and within 0..1 for %j / %j", (a, b) => {
    const s = titleSimilarity(a, b);
    expect(s).toBe(titleSimilarity(b, a));
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(1);
  });

  it("is 1 for identical titles and 0 for an empty one", () => {
    expect(titleSimilarity("Jazz Night", "Jazz Night")).toBe(1);
    expect(titleSimilarity("Jazz Night", "  —  ")).toBe(0);
  });

  it("keeps a title made only of stopwords comparable", () => {
    expect(titleSimilarity("The The", "the the")).toBe(1);
  });
});

describe("locationSimilarity", () => {
  it("forgives an added address and is 0 when one side is missing", () => {
    expect(locationSimilarity("Havana Club", "Havana Club, 12 Ocean Drive")).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(locationSimilarity("Havana Club", null)).toBe(0);
  });
});

describe("eventSimilarity", () => {
  it("blends 0.6 title + 0.4 location when both have a location", () => {
    const a = { title: "Jazz Night", location: "Blue Note" };
    const b = { title: "Jazz Night", location: "Village Vanguard" };
    expect(eventSimilarity(a, b)).toBeCloseTo(0.6 + 0.4 * locationSimilarity("Blue Note", "Village Vanguard"), 10);
  });

  // Regression: with 0.75/0.25 an identical title alone reached the 0.72 threshold, so "Book Club" at two
  // different venues at the same hour was one event.
  it("keeps same-titled events at clearly different venues apart at the default threshold", () => {
    expect(eventSimilarity({ title: "Book Club", location: "Public Library" }, { title: "Book Club", location: "Corner Café" })).toBeLessThan(0.72);
    expect(eventSimilarity({ title: "Jazz Night", location: "Blue Note Hall" }, { title: "Jazz night", location: "Blue Note Hall, 131 W 3rd St, New York" })).toBeGreaterThanOrEqual(0.72);
  });

  it("uses the title alone when a location is missing or has no words", () => {
    const a = { title: "Salsa Social", location: "Havana Club" };
    expect(eventSimilarity(a, { title: "Salsa social night at Havana Club", location: null })).toBe(
      titleSimilarity("Salsa Social", "Salsa social night at Havana Club"),
    );
    expect(eventSimilarity(a, { title: "Salsa Social", location: " - " })).toBe(1);
  });

  it("lets a different place pull a borderline title below the threshold", () => {
    const a = { title: "Salsa Social", location: "Havana Club" };
    const b = { title: "Salsa social night", location: "Community Hall" };
    expect(eventSimilarity(a, { ...b, location: null })).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(eventSimilarity(a, b)).toBeLessThan(DEFAULT_THRESHOLD);
  });
});
