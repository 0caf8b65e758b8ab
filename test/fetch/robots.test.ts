// robots.txt: groups, Allow/Disallow precedence (longest match, Allow on a tie), `*` and `$`, Crawl-delay.
import { describe, expect, it } from "vitest";
import { isAllowed, matches, parseRobots, policyFor, productToken } from "../../src/adapters/fetch/robots.js";

const UA = "calendar-api/1.0 (+https://github.com/calendar-api; event scraper)";

function allowed(robotsTxt: string, path: string, userAgent = UA): boolean {
  return isAllowed(policyFor(parseRobots(robotsTxt), userAgent), path);
}

describe("robots.txt pattern matching", () => {
  const cases: Array<[pattern: string, path: string, expected: boolean]> = [
    ["/", "/anything", true],
    ["/events", "/events", true],
    ["/events", "/events/2025", true],
    ["/events", "/eventsfeed", true],
    ["/events/", "/events", false],
    ["/Events", "/events", false],
    ["/*.ics", "/calendar/feed.ics", true],
    ["/*.ics", "/calendar/feed.ics?x=1", true],
    ["/*.ics$", "/calendar/feed.ics?x=1", false],
    ["/*.ics$", "/calendar/feed.ics", true],
    ["/private$", "/private", true],
    ["/private$", "/private/", false],
    ["/*/tickets", "/2025/tickets/1", true],
    ["/*/tickets", "/tickets", false],
    ["*", "/x", true],
    ["/a*b*c", "/a--b--c", true],
    ["/a*b*c", "/a--c--b", false],
    ["/a$b", "/a$b", true],
    ["/search?q=", "/search?q=jazz", true],
  ];
  it.each(cases)("%s against %s → %s", (pattern, path, expected) => {
    expect(matches(path, pattern)).toBe(expected);
  });
});

describe("robots.txt rules and precedence", () => {
  const cases: Array<[name: string, robotsTxt: string, path: string, expected: boolean]> = [
    ["empty file allows", "", "/events", true],
    ["disallow all", "User-agent: *\nDisallow: /", "/events", false],
    ["empty Disallow allows", "User-agent: *\nDisallow:", "/events", true],
    ["longest match wins: Allow longer", "User-agent: *\nDisallow: /events\nAllow: /events/public", "/events/public/1", true],
    ["longest match wins: Disallow longer", "User-agent: *\nAllow: /events\nDisallow: /events/private", "/events/private/1", false],
    ["order does not matter", "User-agent: *\nAllow: /events/public\nDisallow: /events", "/events/public/1", true],
    ["Allow wins a tie", "User-agent: *\nDisallow: /page\nAllow: /page", "/page", true],
    ["wildcard length counts", "User-agent: *\nAllow: /*.html\nDisallow: /page", "/page.html", true],
    ["$ anchors a disallow", "User-agent: *\nDisallow: /*.php$", "/index.php", false],
    ["$ anchors only the end", "User-agent: *\nDisallow: /*.php$", "/index.php?x=1", true],
    ["robots.txt itself is always allowed", "User-agent: *\nDisallow: /", "/robots.txt", true],
    ["query strings are matched", "User-agent: *\nDisallow: /*?session=", "/events?session=1", false],
    ["our own group beats *", "User-agent: *\nDisallow: /\n\nUser-agent: calendar-api\nAllow: /", "/events", true],
    ["our group is case-insensitive and ignores a version", "User-agent: *\nAllow: /\n\nUser-agent: Calendar-API/2.0\nDisallow: /", "/x", false],
    ["another bot's group is ignored", "User-agent: otherbot\nDisallow: /", "/events", true],
    ["consecutive User-agent lines share a group", "User-agent: otherbot\nUser-agent: calendar-api\nDisallow: /x", "/x/1", false],
    ["groups for us are merged", "User-agent: calendar-api\nDisallow: /a\n\nUser-agent: calendar-api\nDisallow: /b", "/b", false],
    ["a User-agent after rules starts a new group", "User-agent: calendar-api\nDisallow: /a\nUser-agent: otherbot\nDisallow: /b", "/b", true],
    ["comments and blank lines are ignored", "# hi\nUser-agent: * # all\n\nDisallow: /x # no\n", "/x", false],
    ["Sitemap does not end a group", "User-agent: *\nSitemap: https://x/s.xml\nDisallow: /x", "/x", false],
    ["rules before any User-agent belong to nobody", "Disallow: /\nUser-agent: *\nAllow: /", "/x", true],
    ["CRLF line endings", "User-agent: *\r\nDisallow: /x\r\n", "/x", false],
    ["a BOM is skipped", "\uFEFFUser-agent: *\nDisallow: /x", "/x", false],
    ["non-ASCII patterns match encoded paths", "User-agent: *\nDisallow: /café", "/caf%C3%A9/menu", false],
    ["percent escapes compare case-insensitively", "User-agent: *\nDisallow: /caf%c3%a9", "/caf%C3%A9", false],
  ];
  it.each(cases)("%s", (_name, robotsTxt, path, expected) => {
    expect(allowed(robotsTxt, path)).toBe(expected);
  });
});

describe("robots.txt Crawl-delay and agents", () => {
  it("reads Crawl-delay from the group that applies", () => {
    const robots = parseRobots("User-agent: *\nCrawl-delay: 10\n\nUser-agent: calendar-api\nCrawl-delay: 2.5\nDisallow: /x");
    expect(policyFor(robots, UA).crawlDelaySeconds).toBe(2.5);
    expect(policyFor(robots, "otherbot").crawlDelaySeconds).toBe(10);
  });

  it("ignores an unreadable Crawl-delay", () => {
    expect(policyFor(parseRobots("User-agent: *\nCrawl-delay: soon"), UA).crawlDelaySeconds).toBeNull();
  });

  it("takes the product token of a User-Agent", () => {
    expect(productToken(UA)).toBe("calendar-api");
    expect(productToken("  Mozilla/5.0 (X11)")).toBe("mozilla");
  });

  it("stays linear on a pathological pattern", () => {
    const pattern = "/" + "*a".repeat(50) + "b";
    expect(matches("/" + "a".repeat(2_000), pattern)).toBe(false);
  });
});
