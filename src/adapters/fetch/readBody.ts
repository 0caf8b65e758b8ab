/** Reads a response body into memory under a byte cap (counted after fetch has decoded the content encoding). */
import { FetchError } from "../../ports/fetcher.js";

export interface BodyCap {
  maxBytes: number;
  /** "error": past the cap, stop reading and throw FetchError "too-large"; "truncate": keep the first maxBytes. */
  overflow: "error" | "truncate";
}

/**
 * Refuses early on a Content-Length above the cap (it counts encoded bytes, and a decoded body is no smaller in
 * practice); otherwise the count while reading decides. Cancels the stream on overflow, closing the connection.
 */
export async function readBody(response: Response, cap: BodyCap): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > cap.maxBytes && cap.overflow === "error") {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(cap.maxBytes, `Content-Length ${declared}`);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > cap.maxBytes) {
      await reader.cancel().catch(() => undefined);
      if (cap.overflow === "error") throw tooLarge(cap.maxBytes, "the body");
      chunks.push(value.subarray(0, cap.maxBytes - total));
      total = cap.maxBytes;
      break;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(maxBytes: number, what: string): FetchError {
  return new FetchError("too-large", `${what} exceeds the ${maxBytes}-byte limit`, false);
}
