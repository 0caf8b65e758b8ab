/** The DocumentReader port over the source extractors: detection by type, bytes and name; one extractor per kind. */
import type { DocumentReader } from "../ports/documentReader.js";
import { detectKind } from "./detectKind.js";
import { extractDocument } from "./extractors.js";

export function createDocumentReader(): DocumentReader {
  return {
    detect: ({ contentType, name, body }) => detectKind({ contentType, name, body }),
    read: (kind, body, ctx) => extractDocument(kind, body, ctx),
  };
}
