/**
 * A PDF page's positioned text pieces put back into lines and blocks: pieces whose baselines are close
 * are one line (ordered left to right), and a vertical gap clearly wider than the line spacing starts a
 * new block. Pure: works on plain numbers, so it is tested without a PDF.
 */

/** One text run as a PDF reader reports it: baseline position in page units (y grows upwards). */
export interface TextPiece {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font height in page units. */
  size: number;
}

export interface PdfLine {
  text: string;
  y: number;
  size: number;
}

/** Baselines closer than this fraction of the font size are one line (superscripts and kerning drift). */
const SAME_LINE = 0.5;
/** A gap wider than this many font heights (of the taller of the two lines) is a blank line: a new block. */
const BLOCK_GAP = 1.8;
/** A horizontal gap wider than this fraction of the font size between two pieces is a space. */
const WORD_GAP = 0.15;

/** The lines of one page, top to bottom. */
export function linesOf(pieces: readonly TextPiece[]): PdfLine[] {
  const sorted = pieces.filter((p) => p.text !== "").slice().sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextPiece[][] = [];
  for (const piece of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - piece.y) <= SAME_LINE * Math.max(row[0].size, piece.size, 1)) row.push(piece);
    else rows.push([piece]);
  }
  return rows
    .map((row) => {
      const ordered = row.slice().sort((a, b) => a.x - b.x);
      let text = "";
      let end = Number.NEGATIVE_INFINITY;
      for (const piece of ordered) {
        const gap = piece.x - end;
        if (text !== "" && !/\s$/.test(text) && !/^\s/.test(piece.text) && gap > WORD_GAP * piece.size) text += " ";
        text += piece.text;
        end = Math.max(end, piece.x + piece.width);
      }
      return { text: text.replace(/\s+/g, " ").trim(), y: row[0].y, size: Math.max(...row.map((p) => p.size)) };
    })
    .filter((line) => line.text !== "");
}

/** Lines grouped into blocks on blank gaps; each block's lines joined with "\n". */
export function blocksOf(lines: readonly PdfLine[]): string[] {
  const blocks: string[][] = [];
  let previous: PdfLine | null = null;
  for (const line of lines) {
    const gap = previous ? previous.y - line.y : 0;
    if (!previous || gap > BLOCK_GAP * Math.max(previous.size, line.size)) blocks.push([]);
    blocks[blocks.length - 1].push(line.text);
    previous = line;
  }
  return blocks.map((b) => b.join("\n"));
}
