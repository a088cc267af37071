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
 * page asks this for ~180 links; path.posix.relative normalizes both paths every time). Paths
 * with "." or ".." segments or doubled slashes go to path.posix.relative.
 */
function relativePath(from: string, to: string): string {
  if (!PLAIN.test(from) || !PLAIN.test(to)) return path.posix.relative(from, to);
  const a = from.split("/").filter(Boolean);
  const b = to.split("/").filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...Array<string>(a.length - common).fill(".."), ...b.slice(common)].join("/");
}

const PLAIN = /^\/(?!.*\/\/)(?!.*(^|\/)\.\.?(\/|$))/;

/** Absolute public URL of a site path, with the configured base URL and pathPrefix. */
export function absoluteUrl(targetPath: string, site: Pick<SiteConfig, "url" | "pathPrefix">): string {
  return site.url + site.pathPrefix + targetPath.replace(/^\/+/, "");
}

function splitSuffix(target: string): [string, string?] {
  const at = target.search(/[?#]/);
  return at === -1 ? [target] : [target.slice(0, at), target.slice(at)];
}
