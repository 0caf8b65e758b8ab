/** The fetcher port: gets a source's bytes over HTTP politely (robots.txt, per-host limits, conditional requests). */

export interface FetchRequest {
  url: string;
  /** Validators from the previous successful fetch: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
}

export type FetchResult =
  | {
      status: "ok";
      /** The final URL after redirects. */
      url: string;
      httpStatus: number;
      /** The Content-Type header, null when absent. */
      contentType: string | null;
      body: Buffer;
      etag: string | null;
      lastModified: string | null;
    }
  /** 304: the source has not changed since the validators were issued. */
  | { status: "not-modified"; url: string; httpStatus: 304 };

/**
 * Why a fetch failed. `retryable` is true for network errors, timeouts, 5xx and 429 (try again later), and
 * for "robots" when robots.txt itself could not be read (5xx, 429, unreachable: crawling waits); it is false
 * for everything else (4xx, robots.txt disallows, too large, a bad URL or too many redirects): a job fails
 * for good on those.
 */
export type FetchErrorReason = "network" | "timeout" | "http-5xx" | "http-429" | "http-4xx" | "robots" | "too-large" | "invalid-url";

export class FetchError extends Error {
  readonly code = "FETCH_FAILED";
  constructor(
    readonly reason: FetchErrorReason,
    message: string,
    readonly retryable: boolean,
    readonly httpStatus?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "FetchError";
  }
}

/** Renders a page in a real browser (scripts run) and returns its DOM as HTML: for event listings built by JavaScript. */
export interface PageRenderer {
  /** Throws FetchError as the fetcher does; rejects with the signal's reason when it aborts. */
  render(url: string, signal?: AbortSignal): Promise<{ url: string; html: string }>;
  close(): Promise<void>;
}

export interface Fetcher {
  /** Resolves ok or not-modified; throws FetchError. */
  fetch(request: FetchRequest): Promise<FetchResult>;
}
