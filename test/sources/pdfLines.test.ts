// PDF text pieces to lines and blocks: same baseline → one line left to right, a wide gap → a new block.
import { describe, expect, it } from "vitest";
import { blocksOf, linesOf } from "../../src/sources/pdfLines.js";

const piece = (text: string, x: number, y: number, size = 12, width = text.length * size * 0.5) => ({ text, x, y, width, size });

describe("linesOf", () => {
  it("orders lines top to bottom and pieces left to right, adding a space only across a gap", () => {
    const lines = linesOf([piece("Room 204", 72, 600), piece("Intro", 72, 640), piece("to Watercolor", 110, 640.4), piece("6:00", 72, 620), piece("pm", 96, 620)]);
    expect(lines.map((l) => l.text)).toEqual(["Intro to Watercolor", "6:00pm", "Room 204"]);
  });

  it("drops empty pieces and collapses white space", () => {
    expect(linesOf([piece("", 72, 700), piece("  Jazz   night ", 72, 700)]).map((l) => l.text)).toEqual(["Jazz night"]);
  });
});

describe("blocksOf", () => {
  it("starts a block where the gap is wider than 1.8 font heights", () => {
    const lines = [
      { text: "Intro to Watercolor", y: 660, size: 14 },
      { text: "Thursday, December 3", y: 642, size: 12 },
      { text: "Bookbinding Basics", y: 580, size: 14 },
      { text: "Saturday, December 12", y: 562, size: 12 },
    ];
    expect(blocksOf(lines)).toEqual(["Intro to Watercolor\nThursday, December 3", "Bookbinding Basics\nSaturday, December 12"]);
  });
});
