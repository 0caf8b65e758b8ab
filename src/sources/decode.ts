/** Bytes to text for the text-based kinds: a BOM wins, then an HTML `<meta charset>`, else UTF-8. */

// Only the head of a page may declare its charset (HTML asks for the first 1024 bytes).
const META_WINDOW = 1024;

/**
 * Decodes `body`. With `sniffMeta`, a `<meta charset="…">` or `http-equiv` content type in the first
 * kilobyte picks the decoder; an unknown label falls back to UTF-8. Invalid UTF-8 becomes U+FFFD.
 */
export function decodeText(body: Buffer, sniffMeta = false): string {
  const bom = bomEncoding(body);
  if (bom) return new TextDecoder(bom.encoding).decode(body.subarray(bom.length));
  const label = sniffMeta ? metaCharset(body.subarray(0, META_WINDOW).toString("latin1")) : null;
  if (label) {
    try {
      return new TextDecoder(label).decode(body);
    } catch {
      // An unknown label: read as UTF-8 like browsers do for unsupported ones.
    }
  }
  return new TextDecoder("utf-8").decode(body);
}

function bomEncoding(body: Buffer): { encoding: string; length: number } | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (body[0] === 0xff && body[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (body[0] === 0xfe && body[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

function metaCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}
