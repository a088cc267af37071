// How the search index is split into Pagefind bundles, so that a nightly build re-indexes only the
// part that changed. Items of the newest year are split by quarter, older years make one bundle
// each: a year's archive stays a handful of bundles for the browser to merge, and a night's new
// items touch one bundle of a few thousand records at most. The newest bundle is the primary one
// at /pagefind/ (it carries Pagefind's UI scripts); the others are merged into it by the search page.
import type { ItemView, SiteModel } from "./site-model.ts";

export const PRIMARY_BUNDLE = "/pagefind/";
export const ARCHIVE_BUNDLES = "/pagefind-archive/";

export interface SearchShard {
  /** "2026-q4" for a quarter of the newest year, "2025" for an older year. */
  id: string;
  /** Site path of its bundle folder. */
  path: string;
  primary: boolean;
  /** Newest first, as in the model. */
  items: ItemView[];
}

const memo = new WeakMap<SiteModel, SearchShard[]>();

/** The shards of a site, newest first; always at least the primary one (empty on an empty site). */
export function searchShards(model: SiteModel): SearchShard[] {
  const known = memo.get(model);
  if (known) return known;
  // Items are newest first, so the first one's day names the newest year.
  const newestYear = model.items[0]?.day.slice(0, 4);
  const byId = new Map<string, ItemView[]>();
  for (const item of model.items) {
    const year = item.day.slice(0, 4);
    const id = year === newestYear ? `${year}-q${Math.floor((Number(item.day.slice(5, 7)) - 1) / 3) + 1}` : year;
    const list = byId.get(id);
    if (list) list.push(item);
    else byId.set(id, [item]);
  }
  const ids = [...byId.keys()].sort().reverse();
  const shards: SearchShard[] = ids.map((id, i) => ({
    id,
    path: i === 0 ? PRIMARY_BUNDLE : `${ARCHIVE_BUNDLES}${id}/`,
    primary: i === 0,
    items: byId.get(id)!,
  }));
  if (!shards.length) shards.push({ id: "empty", path: PRIMARY_BUNDLE, primary: true, items: [] });
  memo.set(model, shards);
  return shards;
}

/** Site paths of the bundles the search page merges into the primary one. */
export function archiveBundlePaths(model: SiteModel): string[] {
  return searchShards(model)
    .filter((s) => !s.primary)
    .map((s) => s.path);
}
