/** Which URLs the fetcher will request: absolute http: and https: only, anything else is "invalid-url". */
import { FetchError } from "../../ports/fetcher.js";

/** Parses `href` (relative to `base` when given, as a Location header is); throws FetchError "invalid-url". */
export function parseHttpUrl(href: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch (error) {
    throw new FetchError("invalid-url", `not a URL: ${JSON.stringify(href)}`, false, undefined, { cause: error });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("invalid-url", `only http: and https: URLs are fetched, not ${url.protocol}`, false);
  }
  // The fragment never reaches the server; dropping it keeps the reported final URL what was requested.
  url.hash = "";
  return url;
}

/** The target of a redirect from `from`; a missing or unusable Location is "invalid-url" (not retryable). */
export function redirectTarget(from: URL, status: number, location: string | null): URL {
  if (location === null || location.trim() === "") {
    throw new FetchError("invalid-url", `${from.href} answered ${status} without a Location`, false, status);
  }
  return parseHttpUrl(location, from);
}
