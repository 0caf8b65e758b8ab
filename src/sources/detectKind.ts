/** Decides which extractor reads a document: by declared content type, then by its first bytes, then by name. */
import type { SourceKind } from "./types.js";

/** What is known about a document before reading it. */
export interface DocumentHints {
  /** The declared media type, parameters allowed (`text/html; charset=utf-8`); null or absent when unknown. */
  contentType?: string | null;
  /** A URL or file name; only its extension is used (query and fragment ignored). */
  name?: string | null;
  body: Buffer;
}

// Media types that name a kind outright. text/plain is not here: servers label anything with it.
const CONTENT_TYPES: Readonly<Record<string, SourceKind>> = {
  "text/calendar": "ics",
  "application/ics": "ics",
  "text/x-vcalendar": "ics",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/pdf": "pdf",
  "application/x-pdf": "pdf",
};

// Labels that say nothing about the content: the bytes and the name decide.
const GENERIC_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream", "application/unknown", "application/download", "text/plain"]);

const EXTENSIONS: Readonly<Record<string, SourceKind>> = {
  ics: "ics",
  ical: "ics",
  ifb: "ics",
  html: "html",
  htm: "html",
  xhtml: "html",
  pdf: "pdf",
  txt: "text",
  text: "text",
};

/** How many leading bytes are looked at for a signature. */
const SNIFF_BYTES = 512;

/**
 * The kind of the document, or null when it is of none we read (an image, a spreadsheet…). Order: a
 * specific content type; the bytes (`%PDF-`, `BEGIN:VCALENDAR`, `<!doctype html`/`<html`, after a BOM and
 * blank space); `text/plain`; the extension. A specific but unsupported content type (image/png) is
 * trusted: only a signature overrides it.
 */
export function detectKind(hints: DocumentHints): SourceKind | null {
  const mediaType = (hints.contentType ?? "").split(";")[0].trim().toLowerCase();
  const declared = CONTENT_TYPES[mediaType];
  if (declared) return declared;
  const sniffed = sniff(hints.body);
  if (sniffed) return sniffed;
  if (!GENERIC_TYPES.has(mediaType)) return null;
  if (mediaType === "text/plain") return "text";
  return extensionKind(hints.name ?? "");
}

function sniff(body: Buffer): SourceKind | null {
  // %PDF- may follow a few bytes of junk; readers accept it within the first kilobyte.
  if (body.subarray(0, 1024).includes("%PDF-")) return "pdf";
  const head = body.subarray(0, SNIFF_BYTES).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (/^BEGIN:VCALENDAR\b/i.test(head)) return "ics";
  if (/^<!doctype\s+html/i.test(head) || /^(?:<!--[\s\S]*?-->\s*)*<html[\s>]/i.test(head)) return "html";
  return null;
}

function extensionKind(name: string): SourceKind | null {
  const path = name.split(/[?#]/)[0];
  const dot = path.lastIndexOf(".");
  if (dot < 0 || dot < path.lastIndexOf("/")) return null;
  return EXTENSIONS[path.slice(dot + 1).toLowerCase()] ?? null;
}
