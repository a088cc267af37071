// Media attached to an RSS item or Atom entry: RSS enclosures, Atom enclosure links and Media RSS
// (media:content, media:group, media:thumbnail). Read from the parser's element tree because the
// library merges title and description and drops item-level thumbnails.
import type { RawMedia } from "../raw-item.ts";
import { hasScheme, resolveHttp } from "./resolve-url.ts";

/** The slice of @rowanmanning/feed-parser's Element that this module uses. */
export interface FeedElement {
  readonly name: string;
  readonly namespace: string | symbol;
  readonly namespaceUri: string | null;
  readonly textContentNormalized: string;
  readonly textContentAsUrl: string;
  /** Rebuilt by the library on every access: read it once per element. */
  readonly children: (FeedElement | string)[];
  findElementsWithName(name: string): FeedElement[];
  getAttribute(name: string): string | null;
  getAttributeAsUrl(name: string): string | null;
}

/**
 * `assetBase` (a file:// URL) is set for feeds read from local files: their relative media paths
 * name files beside the feed (the bundled samples), as relative <img> paths in their HTML do.
 */
export function extractMedia(item: FeedElement, base: string | undefined, assetBase?: string): RawMedia[] {
  const found: RawMedia[] = [];
  const add = (el: FeedElement, attr: string, role: RawMedia["role"], extra: Partial<RawMedia> = {}) => {
    const raw = el.getAttribute(attr)?.trim();
    const url = assetBase && raw && !hasScheme(raw) ? new URL(raw, assetBase).href : resolveHttp(el.getAttributeAsUrl(attr), base);
    if (url) found.push({ url, role, ...extra });
  };

  const children = childElements(item);
  for (const child of children) {
    if (child.name === "enclosure") add(child, "url", "content", { type: mimeType(child) });
    else if (child.name === "link" && child.getAttribute("rel") === "enclosure") add(child, "href", "content", { type: mimeType(child) });
  }
  const groups = [{ el: item, children }, ...mediaChildren(children, "group").map((el) => ({ el, children: childElements(el) }))];
  for (const group of groups) {
    const inGroup = group.el !== item;
    for (const content of mediaChildren(group.children, "content")) {
      const own = childElements(content);
      add(content, "url", "content", {
        type: mimeType(content) ?? medium(content),
        title: mediaText(own, "title") ?? (inGroup ? mediaText(group.children, "title") : undefined),
        caption: mediaText(own, "description") ?? (inGroup ? mediaText(group.children, "description") : undefined),
      });
      for (const thumb of mediaChildren(own, "thumbnail")) add(thumb, "url", "thumbnail");
    }
    for (const thumb of mediaChildren(group.children, "thumbnail")) add(thumb, "url", "thumbnail");
  }
  return dedupe(found);
}

export function childElements(el: FeedElement): FeedElement[] {
  return el.children.filter((child): child is FeedElement => typeof child !== "string");
}

/** Children in the Media RSS namespace; feeds misspell its URI, so the usual prefix also counts. */
function mediaChildren(children: FeedElement[], name: string): FeedElement[] {
  return children.filter(
    (child) => child.name === name && (child.namespace === "media" || /search\.yahoo\.com\/mrss/i.test(child.namespaceUri ?? "")),
  );
}

function mediaText(children: FeedElement[], name: string): string | undefined {
  return mediaChildren(children, name)[0]?.textContentNormalized || undefined;
}

function mimeType(el: FeedElement): string | undefined {
  return el.getAttribute("type")?.trim().toLowerCase() || undefined;
}

function medium(el: FeedElement): string | undefined {
  const value = el.getAttribute("medium")?.trim().toLowerCase();
  return value ? `${value}/*` : undefined;
}

function dedupe(media: RawMedia[]): RawMedia[] {
  const seen = new Set<string>();
  return media.filter((m) => {
    const key = `${m.role} ${m.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
