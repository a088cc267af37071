// Reads a built site the way a browser would: every URL a page references, resolved against the
// page's own URL under a given mount path, so links can be checked for any host or sub-path.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { listHtmlFiles } from "../../helpers/html-files.ts";

export interface PageRef {
  page: string;
  tag: string;
  attr: string;
  value: string;
  rel?: string;
}

const URL_ATTRS: [string, string][] = [
  ["a", "href"],
  ["link", "href"],
  ["script", "src"],
  ["img", "src"],
  ["source", "src"],
  ["iframe", "src"],
  ["video", "src"],
  ["audio", "src"],
  ["form", "action"],
];

/** Site path of a built file: dist/a/b/index.html → /a/b/, dist/404.html → /404.html. */
export function pagePathOf(siteRoot: string, file: string): string {
  const rel = path.relative(siteRoot, file).split(path.sep).join("/");
  return "/" + rel.replace(/(^|\/)index\.html$/, "$1");
}

export function collectRefs(siteRoot: string): PageRef[] {
  const refs: PageRef[] = [];
  for (const file of listHtmlFiles(siteRoot)) {
    const $ = cheerio.load(readFileSync(file, "utf8"));
    const page = pagePathOf(siteRoot, file);
    for (const [tag, attr] of URL_ATTRS) {
      $(`${tag}[${attr}]`).each((_, el) => {
        refs.push({ page, tag, attr, value: $(el).attr(attr) ?? "", rel: $(el).attr("rel") });
      });
    }
    $("img[srcset], source[srcset]").each((_, el) => {
      for (const part of ($(el).attr("srcset") ?? "").split(",")) {
        const value = part.trim().split(/\s+/)[0];
        if (value) refs.push({ page, tag: el.tagName, attr: "srcset", value });
      }
    });
  }
  return refs;
}

/**
 * Internal references that do not resolve to a file when the site is served at `mount`
 * (e.g. "/" or "/mirror/x/"). Absolute http(s) URLs are not internal and are skipped.
 */
export function brokenInternalRefs(siteRoot: string, mount = "/", pathPrefix = "/"): { ref: PageRef; resolved: string }[] {
  const origin = "http://mirror.test";
  const broken: { ref: PageRef; resolved: string }[] = [];
  for (const ref of collectRefs(siteRoot)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref.value) || ref.value.startsWith("//")) continue;
    // 404.html links absolutely under the configured pathPrefix (it is served at any depth), so
    // it is checked where it is deployed, not under a mirror's sub-path.
    if (ref.page === "/404.html" && mount !== pathPrefix) continue;
    const pageUrl = new URL(mount.replace(/\/$/, "") + ref.page, origin);
    const resolved = new URL(ref.value, pageUrl);
    let pathname = decodeURIComponent(resolved.pathname);
    if (!pathname.startsWith(mount)) {
      broken.push({ ref, resolved: pathname });
      continue;
    }
    pathname = pathname.slice(mount.length);
    const file = path.join(siteRoot, pathname.endsWith("/") || pathname === "" ? path.join(pathname, "index.html") : pathname);
    if (!existsSync(file) || !statSync(file).isFile()) broken.push({ ref, resolved: resolved.pathname });
  }
  return broken;
}
