/** HTML parsing and the small DOM helpers the HTML extractors share (text, classes, links). */
import type { AnyNode, Document, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import { findAll } from "domutils";
import { parseDocument } from "htmlparser2";

/** Elements whose content is never page text. */
const HIDDEN = new Set(["script", "style", "noscript", "template", "head", "svg"]);

/** Elements that break text: their content is separated from what is around it. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
  "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
  "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);

/** Parses a whole page or a fragment; entities are decoded, malformed markup is repaired as browsers do. */
export function parseHtml(html: string): Document {
  return parseDocument(html);
}

/** Collapses every run of white space (non-breaking space included) into one space and trims. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** The visible text of a node, `<br>` and block boundaries as spaces, white space collapsed. */
export function textOf(node: AnyNode): string {
  const parts: string[] = [];
  const walk = (n: AnyNode): void => {
    if (isText(n)) parts.push(n.data);
    else if (isTag(n)) {
      if (HIDDEN.has(n.name)) return;
      const breaks = n.name === "br" || BLOCK_ELEMENTS.has(n.name);
      if (breaks) parts.push(" ");
      n.children.forEach(walk);
      if (breaks) parts.push(" ");
    } else if ("children" in n) (n.children as AnyNode[]).forEach(walk);
  };
  walk(node);
  return collapse(parts.join(""));
}

/** A string that may hold markup or entities (JSON-LD values often do) as plain collapsed text. */
export function htmlText(fragment: string): string {
  return /[<&]/.test(fragment) ? textOf(parseHtml(fragment)) : collapse(fragment);
}

/** Element descendants of `node` in document order (not `node` itself). */
export function descendants(node: AnyNode): Element[] {
  return "children" in node ? findAll(() => true, node.children as AnyNode[]) : [];
}

/** `href` made absolute against `base`; kept as written when there is no base; null when empty or unusable. */
export function resolveUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  const value = (href ?? "").trim();
  if (value === "") return null;
  try {
    return new URL(value, base ?? undefined).href;
  } catch {
    return base ? null : value;
  }
}

/** The page's own `<base href>` resolved against where the page came from. */
export function documentBase(doc: Document, baseUrl: string | null | undefined): string | null {
  const base = descendants(doc).find((el) => el.name === "base" && el.attribs.href);
  const resolved = resolveUrl(base?.attribs.href ?? null, baseUrl);
  return resolved !== null && URL.canParse(resolved) ? resolved : (baseUrl ?? null);
}
