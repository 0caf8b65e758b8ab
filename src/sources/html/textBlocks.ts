/**
 * The fallback for pages without structured data: the page as text blocks for the parser. One block per
 * list item and per table row (cells joined with " · "), and one per heading with the lines that follow it
 * (paragraphs, `<br>`-separated lines) up to the next heading, list or table; page chrome (script, style,
 * nav, footer, forms) is left out.
 */
import type { AnyNode, Document, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import type { TextBlock } from "../parseBlocks.js";
import { BLOCK_ELEMENTS, collapse, textOf } from "./dom.js";

/** Never page text, or page chrome that lists no events. */
const SKIPPED = new Set(["script", "style", "noscript", "template", "head", "nav", "footer", "svg", "form", "select", "button", "iframe", "object", "canvas"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "caption"]);
/** Lists and tables inside a list item are blocks of their own, not part of the item's text. */
const NESTED_BLOCKS = new Set(["ul", "ol", "table", "dl"]);

type Piece = { kind: "heading" | "item" | "line"; text: string };

/** The page's text blocks in document order (see the module comment). */
export function htmlTextBlocks(doc: Document): TextBlock[] {
  const blocks: TextBlock[] = [];
  let group: { heading: boolean; lines: string[] } | null = null;
  const closeGroup = (): void => {
    if (group && group.lines.length > 0) blocks.push({ text: group.lines.join("\n"), heading: group.heading });
    group = null;
  };
  for (const piece of pieces(doc)) {
    if (piece.kind === "item") {
      closeGroup();
      blocks.push({ text: piece.text });
    } else if (piece.kind === "heading") {
      closeGroup();
      group = { heading: true, lines: [piece.text] };
    } else {
      group ??= { heading: false, lines: [] };
      group.lines.push(piece.text);
    }
  }
  closeGroup();
  return blocks;
}

function pieces(doc: Document): Piece[] {
  const out: Piece[] = [];
  let line = "";
  const flush = (): void => {
    const text = collapse(line);
    if (text !== "") out.push({ kind: "line", text });
    line = "";
  };
  const walk = (node: AnyNode): void => {
    if (isText(node)) {
      line += node.data;
      return;
    }
    if (!isTag(node)) {
      if ("children" in node) (node.children as AnyNode[]).forEach(walk);
      return;
    }
    if (SKIPPED.has(node.name)) return;
    if (node.name === "br") return flush();
    if (HEADINGS.has(node.name)) {
      flush();
      const text = textOf(node);
      if (text !== "") out.push({ kind: "heading", text });
      return;
    }
    if (node.name === "tr") {
      flush();
      const cells = node.children.filter((c): c is Element => isTag(c) && (c.name === "td" || c.name === "th"));
      // A header row (all <th>) names the columns; it holds no event.
      if (cells.length > 0 && cells.every((c) => c.name === "th")) return;
      const text = cells.map(textOf).filter((t) => t !== "").join(" · ");
      if (text !== "") out.push({ kind: "item", text });
      return;
    }
    if (node.name === "li") {
      flush();
      const text = itemText(node);
      if (text !== "") out.push({ kind: "item", text });
      node.children.forEach((c) => {
        if (isTag(c)) nestedBlocks(c).forEach(walk);
      });
      return;
    }
    const breaks = BLOCK_ELEMENTS.has(node.name);
    if (breaks) flush();
    node.children.forEach(walk);
    if (breaks) flush();
  };
  walk(doc);
  flush();
  return out;
}

/** A list item's own text, its `<br>`s and inner paragraphs as line breaks, nested lists and tables left out. */
function itemText(li: Element): string {
  const lines: string[] = [""];
  const walk = (node: AnyNode): void => {
    if (isText(node)) lines[lines.length - 1] += node.data;
    else if (isTag(node)) {
      if (SKIPPED.has(node.name) || NESTED_BLOCKS.has(node.name)) return;
      const breaks = node.name === "br" || BLOCK_ELEMENTS.has(node.name);
      if (breaks) lines.push("");
      node.children.forEach(walk);
      if (breaks) lines.push("");
    }
  };
  li.children.forEach(walk);
  return lines.map(collapse).filter((l) => l !== "").join("\n");
}

function nestedBlocks(el: Element): Element[] {
  if (NESTED_BLOCKS.has(el.name)) return [el];
  return el.children.filter(isTag).flatMap(nestedBlocks);
}
