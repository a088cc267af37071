// Internal links are relative to the page, so the same dist/ works under any host or sub-path.
// Absolute URLs (site.url + pathPrefix) are only for canonical/OG/JSON-LD/sitemap/feeds.
import path from "node:path";
import type { SiteConfig } from "./site-config.ts";

/** The directory a page's relative links resolve against: "/a/b/" for "/a/b/", "/" for "/404.html". */
function pageDir(pagePath: string): string {
  return pagePath.endsWith("/") ? pagePath : path.posix.dirname(pagePath) + "/";
}

/**
 * `relativeUrl("/topics/x/", "/2023/09/14/slug/")` → `"../../../../topics/x/"`.
 * Both paths are site-root paths; a trailing slash on the target is kept; "" means "./".
 */
export function relativeUrl(targetPath: string, pagePath: string): string {
  const [pathPart, suffix = ""] = splitSuffix(targetPath);
  const from = pageDir(pagePath || "/");
  let rel = relativePath(from, pathPart || "/");
  if (pathPart.endsWith("/") && rel !== "") rel += "/";
  if (rel === "") rel = "./";
  return rel + suffix;
}

/**
 * path.posix.relative for the plain root paths pages are made of, by comparing segments (a listing
 * page asks this for ~70 links, a cold build ~300,000 times; path.posix.relative normalizes both
 * paths every time). Paths with "." or ".." segments or doubled slashes go to path.posix.relative.
 */
function relativePath(from: string, to: string): string {
  const a = plainSegments(from);
  const b = plainSegments(to);
  if (!a || !b) return path.posix.relative(from, to);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.length - common;
  const down = b.slice(common).join("/");
  if (!up) return down;
  return down ? "../".repeat(up) + down : "../".repeat(up - 1) + "..";
}

/** A plain root path's segments, or null; remembered, since pages link the same paths over and over. */
function plainSegments(rootPath: string): string[] | null {
  let segments = segmentCache.get(rootPath);
  if (segments === undefined) {
    if (segmentCache.size >= SEGMENT_CACHE_SIZE) segmentCache.clear();
    segments = PLAIN.test(rootPath) ? rootPath.split("/").filter(Boolean) : null;
    segmentCache.set(rootPath, segments);
  }
  return segments;
}

const segmentCache = new Map<string, string[] | null>();
const SEGMENT_CACHE_SIZE = 100_000;
const PLAIN = /^\/(?!.*\/\/)(?!.*(^|\/)\.\.?(\/|$))/;

/** Absolute public URL of a site path, with the configured base URL and pathPrefix. */
export function absoluteUrl(targetPath: string, site: Pick<SiteConfig, "url" | "pathPrefix">): string {
  return site.url + site.pathPrefix + targetPath.replace(/^\/+/, "");
}

function splitSuffix(target: string): [string, string?] {
  const at = target.search(/[?#]/);
  return at === -1 ? [target] : [target.slice(0, at), target.slice(at)];
}
