// Stable identity of an item: guid, else the canonical link (normalized), else a content hash.
// The same item arriving again (next night, or from another source) maps to the same id.
import { createHash } from "node:crypto";
import type { RawItem } from "../raw-item.ts";

/** Query parameters that only track the reader; they never change what a URL names. */
const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ocid|cmpid|spm|share_token|ref_src|at_medium|at_campaign)$/i;

export function isTrackingParam(name: string): boolean {
  return TRACKING_PARAM.test(name);
}

/** Canonical form of a link: no fragment, no tracking parameters, lowercase host, no default port. */
export function normalizeLink(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  url.hash = "";
  for (const name of [...url.searchParams.keys()]) if (isTrackingParam(name)) url.searchParams.delete(name);
  // http and https name the same article on news sites; identity should not depend on the scheme.
  url.protocol = "https:";
  return url.href;
}

/** Hash of the raw input: an unchanged hash means an unchanged item. */
export function rawItemHash(raw: RawItem): string {
  // Where the item was read from is not part of what it says.
  const { input: _input, index: _index, ...content } = raw;
  return sha256(JSON.stringify(content));
}

export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

export interface Identity {
  /** The key items are matched on across runs and sources. */
  key: string;
  /** The id written to front matter: short, stable, URL-safe. */
  id: string;
}

/**
 * guid first (URL guids are normalized like links; plain guids are scoped to their source, since
 * feeds only promise uniqueness within themselves), then link, then a hash of title and body.
 */
export function identify(raw: RawItem, sourceId: string): Identity {
  const guid = raw.guid?.trim();
  const guidLink = guid && /^https?:\/\//i.test(guid) ? normalizeLink(guid) : undefined;
  const link = raw.link ? normalizeLink(raw.link) : undefined;
  const key = guidLink
    ? `link:${guidLink}`
    : guid
      ? `guid:${sourceId}:${guid}`
      : link
        ? `link:${link}`
        : `hash:${sha256(`${raw.title ?? ""}\n${raw.html}`)}`;
  return { key, id: `${sourceId}-${sha256(key).slice(0, 12)}` };
}
