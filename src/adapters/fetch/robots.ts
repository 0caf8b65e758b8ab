/**
 * robots.txt as RFC 9309 and Google read it: groups of User-agent lines, Allow/Disallow rules where the
 * longest matching pattern wins (Allow on a tie), `*` and a trailing `$` in patterns, and Crawl-delay.
 * Pure: parsing never throws (an unreadable line is ignored), matching never reads anything else.
 */

export interface RobotsRule {
  allow: boolean;
  /** The pattern as written after normalisation (non-ASCII and spaces percent-encoded). */
  pattern: string;
}

export interface RobotsGroup {
  /** User-agent values, lower-cased product tokens ("*" for the catch-all). */
  agents: string[];
  rules: RobotsRule[];
  /** Crawl-delay in seconds, null when absent or unreadable. */
  crawlDelaySeconds: number | null;
}

export interface Robots {
  groups: RobotsGroup[];
}

/** What one crawler may do under one robots.txt: the merged groups that apply to it. */
export interface RobotsPolicy {
  rules: RobotsRule[];
  crawlDelaySeconds: number | null;
}

/** A robots.txt that allows everything (no file, or a 4xx for it). */
export const ALLOW_ALL: RobotsPolicy = Object.freeze({ rules: [], crawlDelaySeconds: null });

export function parseRobots(text: string): Robots {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | null = null;
  // A User-agent line after a rule starts a new group; consecutive User-agent lines share one.
  let sawRule = false;
  for (const rawLine of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, "").trim();
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === "user-agent") {
      if (!current || sawRule) {
        current = { agents: [], rules: [], crawlDelaySeconds: null };
        groups.push(current);
        sawRule = false;
      }
      current.agents.push(productToken(value));
    } else if (key === "allow" || key === "disallow") {
      if (!current) continue; // rules before any User-agent line belong to no group
      sawRule = true;
      // An empty Disallow allows everything, an empty Allow says nothing: neither is a rule.
      if (value === "") continue;
      current.rules.push({ allow: key === "allow", pattern: normalisePattern(value) });
    } else if (key === "crawl-delay") {
      if (!current) continue;
      sawRule = true;
      const seconds = Number(value);
      if (value !== "" && Number.isFinite(seconds) && seconds >= 0) current.crawlDelaySeconds = seconds;
    }
    // Sitemap and unknown keys neither end a group nor belong to one.
  }
  return { groups };
}

/**
 * The policy for a crawler named by `userAgent` (its product token, before any "/", compared case-insensitively):
 * every group naming that token, merged; else every "*" group, merged; else allow all.
 */
export function policyFor(robots: Robots, userAgent: string): RobotsPolicy {
  const token = productToken(userAgent);
  const named = robots.groups.filter((g) => g.agents.includes(token));
  const chosen = named.length > 0 ? named : robots.groups.filter((g) => g.agents.includes("*"));
  if (chosen.length === 0) return ALLOW_ALL;
  const delays = chosen.map((g) => g.crawlDelaySeconds).filter((d): d is number => d !== null);
  return { rules: chosen.flatMap((g) => g.rules), crawlDelaySeconds: delays.length > 0 ? Math.max(...delays) : null };
}

/** Whether `pathAndQuery` (the URL's path plus its query, e.g. "/events?page=2") may be fetched. */
export function isAllowed(policy: RobotsPolicy, pathAndQuery: string): boolean {
  const path = pathAndQuery === "" ? "/" : pathAndQuery.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase());
  // robots.txt itself is always allowed (RFC 9309 §2.2.2).
  if (path === "/robots.txt") return true;
  let best: RobotsRule | null = null;
  for (const rule of policy.rules) {
    if (!matches(path, rule.pattern)) continue;
    const longer = best === null || rule.pattern.length > best.pattern.length;
    const tieWonByAllow = best !== null && rule.pattern.length === best.pattern.length && rule.allow && !best.allow;
    if (longer || tieWonByAllow) best = rule;
  }
  return best === null || best.allow;
}

/**
 * Whether `pattern` matches a prefix of `path` (the whole path when it ends in "$"). Tracks the set of
 * positions the pattern so far can end at, as Google's matcher does: linear in each, no regex backtracking.
 */
export function matches(path: string, pattern: string): boolean {
  let ends: number[] = [0];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "$" && i === pattern.length - 1) return ends[ends.length - 1] === path.length;
    if (c === "*") {
      const from = ends[0];
      ends = [];
      for (let p = from; p <= path.length; p++) ends.push(p);
      continue;
    }
    const next: number[] = [];
    for (const p of ends) if (p < path.length && path[p] === c) next.push(p + 1);
    if (next.length === 0) return false;
    ends = next;
  }
  return true;
}

/** "Calendar-API/1.2 (+https://…)" → "calendar-api". */
export function productToken(userAgent: string): string {
  return userAgent.trim().split(/[/\s]/, 1)[0].toLowerCase();
}

/** Percent-encodes what a URL's serialisation would (non-ASCII, spaces) so patterns compare with URL paths. */
function normalisePattern(pattern: string): string {
  return pattern.replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(run)).replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase());
}
