// Image URLs wrapped in a resizing proxy (images.weserv.nl/?url=..., thumbor /unsafe/...) are
// unwrapped to the original URL, in src, srcset, lazy-loading attributes and links.
import { count, type CleanRule } from "../context.ts";
import { descendants } from "../dom.ts";
import { unwrapProxy } from "../urls.ts";

const URL_ATTRS = ["src", "href", "data-src", "data-original", "data-lazy-src", "poster"];
const SRCSET_ATTRS = ["srcset", "data-srcset"];
const LOOKS_PROXIED = /weserv|wsrv\.nl|\/unsafe\//i;

export const unwrapImageProxies: CleanRule = (ctx) => {
  let n = 0;
  for (const el of descendants(ctx.root)) {
    for (const attr of URL_ATTRS) {
      const value = el.attribs[attr];
      if (value && LOOKS_PROXIED.test(value)) {
        const unwrapped = unwrapProxy(value);
        if (unwrapped !== value) {
          el.attribs[attr] = unwrapped;
          n++;
        }
      }
    }
    for (const attr of SRCSET_ATTRS) {
      const value = el.attribs[attr];
      if (value && LOOKS_PROXIED.test(value)) el.attribs[attr] = unwrapSrcset(value);
    }
  }
  count(ctx, "unwrapped proxied image URL", n);
};

// Each candidate is "URL [descriptor]"; only the URL changes.
function unwrapSrcset(srcset: string): string {
  return srcset
    .split(/,(?=\s)|,$/)
    .map((candidate) => {
      const [url, ...descriptor] = candidate.trim().split(/\s+/);
      return url ? [unwrapProxy(url), ...descriptor].join(" ") : "";
    })
    .filter(Boolean)
    .join(", ");
}
