// URL repairs the rules share: unwrap resizing proxies, repair entity-decoding accidents, strip
// tracking parameters, pick from srcset, resolve links and image sources under their policies.

const WESERV_HOSTS = new Set(["images.weserv.nl", "wsrv.nl"]);
// weserv.nl's own parameters; any other parameter after url= belonged to the wrapped URL.
const WESERV_PARAMS = new Set(
  "url w h dpr fit cbg a fpx fpy we trim mtrim crop precrop tint flip flop ro bg blur con filt gam mod sat hue sharp q output il af n page default maxage encoding l errorredirect".split(" "),
);
// Thumbor-style resizers embed the original URL in the path: /unsafe/1340x754/https://...
const THUMBOR = /^https?:\/\/[^/?#]+\/unsafe\/(?:[^/]+\/)*?(https?:\/\/.+)$/i;

/** The original URL behind an image proxy (weserv, thumbor), or the URL unchanged. */
export function unwrapProxy(value: string): string {
  let url = value.trim();
  for (let depth = 0; depth < 3; depth++) {
    const next = unwrapOnce(url);
    if (next === url) break;
    url = next;
  }
  return url;
}

function unwrapOnce(value: string): string {
  const thumbor = THUMBOR.exec(value);
  if (thumbor) return thumbor[1];
  const withScheme = value.startsWith("//") ? `https:${value}` : value;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return value;
  }
  if (!WESERV_HOSTS.has(parsed.hostname)) return value;
  const pairs = parsed.search.replace(/^\?/, "").split("&").filter(Boolean);
  let inner: string | undefined;
  const rest: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const key = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
    if (key === "url" && inner === undefined) inner = safeDecode(pair.slice(eq + 1));
    else if (!WESERV_PARAMS.has(key)) rest.push(pair);
  }
  if (!inner) return value;
  inner = inner.replace(/^ssl:/i, "https://").replace(/^\/\//, "https://");
  if (!/^https?:\/\//i.test(inner)) inner = `https://${inner}`;
  if (rest.length) inner += (inner.includes("?") ? "&" : "?") + rest.join("&");
  return inner;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// Characters an over-eager entity decoder made of "&reg", "&copy", ... (HTML's legacy entities
// that need no semicolon): "&region=" became "®ion=".
const LEGACY_ENTITY: Record<string, string> = {
  "®": "&reg", "©": "&copy", "¬": "&not", "¶": "&para", "§": "&sect", "×": "&times",
  "¢": "&cent", "£": "&pound", "¥": "&yen", "¤": "&curren", "µ": "&micro", "°": "&deg",
};
const ACCIDENT = /[®©¬¶§×¢£¥¤µ°](?=[\w.-]*=)/g;

/** Undo entity-decoding accidents in a URL's query: `?a=1®ion=x` → `?a=1&region=x`. */
export function repairEntityAccidents(value: string): string {
  const q = value.indexOf("?");
  if (q < 0) return value;
  const query = value
    .slice(q)
    .replace(/&amp;/gi, "&")
    .replace(ACCIDENT, (ch) => LEGACY_ENTITY[ch] ?? ch);
  return value.slice(0, q) + query;
}

const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|spm|from|ocid|cmpid|_ga|_gl|xtor|ito|__twitter_impression)$/i;
// Newsletter and share markers NYT adds to its links.
const TRACKING_BY_HOST: Array<[RegExp, RegExp]> = [[/(^|\.)nytimes\.com$/, /^(te|nl|emc|smid|smtyp|partner)$/i]];

/** Remove tracking parameters in place, keeping the other parameters byte for byte. */
export function stripTracking(url: URL): boolean {
  if (!url.search) return false;
  const hostRule = TRACKING_BY_HOST.find(([host]) => host.test(url.hostname))?.[1];
  const pairs = url.search.slice(1).split("&");
  const kept = pairs.filter((pair) => {
    if (!pair) return false;
    const key = safeDecode(pair.split("=", 1)[0]);
    return !TRACKING.test(key) && !hostRule?.test(key);
  });
  if (kept.length === pairs.length) return false;
  url.search = kept.length ? `?${kept.join("&")}` : "";
  return true;
}

/** Links into a JSON API (api.dw.com/api/...): not pages a reader can open. */
export function isApiEndpoint(url: URL): boolean {
  return /^api\./i.test(url.hostname) && /^\/api(\/|$)/i.test(url.pathname);
}

/** The widest candidate of a srcset (by w or x descriptor; the last one when undescribed). */
export function bestSrcsetCandidate(srcset: string): string | undefined {
  let best: { url: string; size: number } | undefined;
  for (const { url, size } of parseSrcset(srcset)) {
    if (!best || size >= best.size) best = { url, size };
  }
  return best?.url;
}

function parseSrcset(srcset: string): Array<{ url: string; size: number }> {
  const out: Array<{ url: string; size: number }> = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i])) i++;
    let start = i;
    while (i < srcset.length && !/\s/.test(srcset[i])) i++;
    let url = srcset.slice(start, i);
    let descriptor = "";
    if (url.endsWith(",")) {
      url = url.replace(/,+$/, "");
    } else {
      start = i;
      while (i < srcset.length && srcset[i] !== ",") i++;
      descriptor = srcset.slice(start, i).trim();
    }
    if (!url) continue;
    const m = /^(\d+(?:\.\d+)?)([wx])$/i.exec(descriptor);
    out.push({ url, size: m ? Number(m[1]) * (m[2].toLowerCase() === "x" ? 1000 : 1) : 1 });
  }
  return out;
}

/** Sources that only stand in for a lazy image: data: URIs, blank, about:blank. */
export function isPlaceholderSrc(src: string | undefined): boolean {
  const s = (src ?? "").trim();
  return !s || s === "#" || /^(data|about|blob):/i.test(s);
}

const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/** An absolute link URL (http, https or mailto), or undefined when it cannot be one. */
export function resolveLink(value: string, pageBase: URL | undefined): URL | undefined {
  const v = repairEntityAccidents(cutAtQuote(value));
  if (!v) return undefined;
  const url = parseAgainst(v, pageBase);
  return url && LINK_SCHEMES.has(url.protocol) ? url : undefined;
}

/**
 * An absolute image URL: http(s); or file:, only for a relative path when the item came from a
 * local file (assetBase). Root-relative paths ("/img/x.jpg") name the publisher's site, so they
 * resolve against the page even for local items.
 */
export function resolveImage(value: string, pageBase: URL | undefined, assetBase: URL | undefined): URL | undefined {
  const v = repairEntityAccidents(cutAtQuote(value));
  if (isPlaceholderSrc(v)) return undefined;
  const relativePath = !/^[a-z][a-z0-9+.-]*:/i.test(v) && !v.startsWith("/");
  const url = parseAgainst(v, relativePath && assetBase ? assetBase : pageBase);
  if (!url) return undefined;
  if (url.protocol === "http:" || url.protocol === "https:") return url;
  return url.protocol === "file:" && relativePath && assetBase ? url : undefined;
}

// Broken markup leaves attribute debris in URLs (FT: href='/video/3555" vsource="'); a URL never
// holds a raw quote or angle bracket, so the URL ends there.
function cutAtQuote(value: string): string {
  return value.split(/["<>]/, 1)[0].trim();
}

function parseAgainst(value: string, base: URL | undefined): URL | undefined {
  // Protocol-relative URLs mean the web, whatever the base's scheme.
  const v = value.startsWith("//") ? `https:${value}` : value;
  try {
    return new URL(v, base);
  } catch {
    return undefined;
  }
}
