/** RFC 5545 content lines (§3.1): writing and folding them, unfolding and reading them back. */
import { formatParamValue } from "./text.js";

/** One unfolded content line: NAME and parameter names upper-cased, parameter values unquoted. */
export interface ContentLine {
  name: string;
  /** Each parameter's values (a comma list gives several). */
  params: Record<string, string[]>;
  /** The raw value, still escaped (how to read it depends on the property). */
  value: string;
  /** 1-based number of the physical line the content line starts on. */
  line: number;
}

/** Most octets on one physical line, CRLF excluded (RFC 5545 §3.1). */
export const FOLD_OCTETS = 75;

/** An unfolded content line `NAME;P=v:value`; `value` must already be escaped for its type. */
export function contentLine(name: string, value: string, params: Record<string, string> = {}): string {
  const head = Object.entries(params)
    .map(([key, v]) => `;${key}=${formatParamValue(v)}`)
    .join("");
  return `${name}${head}:${value}`;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line into physical lines of at most 75 octets joined by CRLF + space. It splits
 * between code points only, so a multi-byte UTF-8 character (an emoji's four bytes) is never cut.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) as number);
    // Continuation lines begin with a space, which counts towards their 75 octets.
    const limit = out.length === 0 ? FOLD_OCTETS : FOLD_OCTETS - 1;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

/** A whole iCalendar stream from unfolded content lines: every line folded, CRLF after each. */
export function serializeLines(lines: readonly string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join("");
}

/** Logical lines with the number of the physical line each starts on; blank lines are dropped. */
export interface UnfoldedLine {
  text: string;
  line: number;
}

/**
 * Splits on CRLF, LF or CR and joins continuation lines (a leading space or tab) to the line before,
 * dropping that one whitespace character. A continuation before any line is returned as its own line so
 * the reader can report it.
 */
export function unfoldLines(text: string): UnfoldedLine[] {
  const physical = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const out: UnfoldedLine[] = [];
  physical.forEach((raw, index) => {
    const last = out[out.length - 1];
    if ((raw.startsWith(" ") || raw.startsWith("\t")) && last) last.text += raw.slice(1);
    else if (raw.length > 0) out.push({ text: raw, line: index + 1 });
  });
  return out.filter((l) => l.text.trim().length > 0);
}

const NAME = /^[A-Za-z0-9-]+/;

/** Reads `NAME *(;PARAM=value[,value]) : value`; a string names what is wrong when the line is broken. */
export function parseContentLine({ text, line }: UnfoldedLine): ContentLine | string {
  const name = NAME.exec(text)?.[0];
  if (!name) return "expected a property name";
  const params: Record<string, string[]> = {};
  let pos = name.length;
  while (text[pos] === ";") {
    const key = NAME.exec(text.slice(pos + 1))?.[0];
    if (!key || text[pos + 1 + key.length] !== "=") return "a parameter lacks NAME=";
    pos += key.length + 2;
    const values: string[] = [];
    for (;;) {
      if (text[pos] === '"') {
        const close = text.indexOf('"', pos + 1);
        if (close < 0) return `parameter ${key.toUpperCase()} has an unclosed quote`;
        values.push(text.slice(pos + 1, close));
        pos = close + 1;
      } else {
        const match = /^[^";:,]*/.exec(text.slice(pos))?.[0] ?? "";
        values.push(match);
        pos += match.length;
      }
      if (text[pos] !== ",") break;
      pos += 1;
    }
    params[key.toUpperCase()] = values;
  }
  if (text[pos] !== ":") return "expected ':' after the property name and parameters";
  return { name: name.toUpperCase(), params, value: text.slice(pos + 1), line };
}
