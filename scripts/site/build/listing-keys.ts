// Archive pages of the topic, source and gallery listings never move (paginate.ts), so most of
// them can be kept from the previous build like unchanged articles. A page's key covers all it
// shows: its path, its neighbours' paths, the listing's name and path, and every item on it with
// how its thumbnail resolves. Head pages are rendered every build (their count and activity
// change daily). Day pages are keyed the same way: only the newest days change overnight.
import { createHash } from "node:crypto";
import type { ImageCatalog } from "../../images/image-catalog.ts";
import type { ListingPage } from "../paginate.ts";
import type { DayView, ItemView, SiteModel } from "../site-model.ts";
import { itemKeyHash } from "./item-key.ts";

type AnyListingPage = ListingPage<ItemView, { name?: string; path?: string }>;

/** The paginated listings Eleventy renders (layouts/pages/{topic,source,galleries,day}.njk). */
export interface Listings {
  topicPages: SiteModel["topicPages"];
  sourcePages: SiteModel["sourcePages"];
  galleryPages: SiteModel["galleryPages"];
  days: SiteModel["days"];
}

/** Every archive page of every listing, with its kind. */
export function archivePages(model: SiteModel): { kind: ListingKind; page: AnyListingPage }[] {
  const out: { kind: ListingKind; page: AnyListingPage }[] = [];
  for (const kind of ["topicPages", "sourcePages", "galleryPages"] as const) {
    for (const page of model[kind] as AnyListingPage[]) if (!page.head) out.push({ kind, page });
  }
  return out;
}

type ListingKind = Exclude<keyof Listings, "days">;

export function listingRenderKey(kind: ListingKind, page: AnyListingPage, images: Pick<ImageCatalog, "resolve">): string {
  const parts = {
    kind,
    path: page.path,
    prev: page.prevPath,
    next: page.nextPath,
    listing: { name: page.context.name, path: page.context.path },
  };
  return keyOf([JSON.stringify(parts), ...page.items.map((item) => shownItem(item, images))]);
}

/** A day page's key: its items in their topic groups (with how thumbnails resolve) and its neighbours. */
export function dayRenderKey(day: DayView, images: Pick<ImageCatalog, "resolve">): string {
  const parts = { kind: "day", path: day.path, key: day.key, newer: day.newer, older: day.older };
  const lines = [JSON.stringify(parts)];
  for (const group of day.groups) lines.push(`group ${JSON.stringify(group.topic ?? null)}`, ...group.items.map((item) => shownItem(item, images)));
  return keyOf(lines);
}

/** An item as a listing shows it: its record and how its thumbnail resolves. */
function shownItem(item: ItemView, images: Pick<ImageCatalog, "resolve">): string {
  return `item ${itemKeyHash(item)} ${JSON.stringify(item.image?.src ? images.resolve(item.image.src) : null)}`;
}

const keyOf = (lines: string[]) => createHash("sha256").update(lines.join("\n")).digest("hex");

/** The listings without the pages kept from the previous build (site paths in `keep`). */
export function listingsToRender(model: SiteModel, keep?: ReadonlySet<string>): Listings {
  const rendered = <P extends { path: string }>(pages: P[]) => (keep ? pages.filter((p) => !keep.has(p.path)) : pages);
  return {
    topicPages: rendered(model.topicPages),
    sourcePages: rendered(model.sourcePages),
    galleryPages: rendered(model.galleryPages),
    days: rendered(model.days),
  };
}
