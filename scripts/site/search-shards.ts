// How the search index is split into Pagefind bundles, so that a nightly build re-indexes only the
// part that changed. The newest month is the primary bundle, at /pagefind/ (it carries Pagefind's
// UI scripts): a night's new items land there, and it holds a month at most (at 50,000 items the
// newest quarter was 9,000 records, and re-indexing it was 20 s of a 31 s nightly build). The rest
// of the newest year is split by quarter, older years make one bundle each: a year's archive stays
// a handful of bundles for the browser to merge. A bundle changes when the month or the year
// turns (its items move into their quarter or year, indexed once then). The search page merges
// the others into the primary one.
import type { ItemView, SiteModel } from "./site-model.ts";

export const PRIMARY_BUNDLE = "/pagefind/";
export const ARCHIVE_BUNDLES = "/pagefind-archive/";

export interface SearchShard {
  /** "2026-11" for the newest month, "2026-q4" for a quarter of the newest year, "2025" for an older year. */
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
  // Items are newest first, so the first one's day names the newest month and year.
  const newestMonth = model.items[0]?.day.slice(0, 7);
  const newestYear = newestMonth?.slice(0, 4);
  const byId = new Map<string, ItemView[]>();
  for (const item of model.items) {
    const month = item.day.slice(0, 7);
    const year = month.slice(0, 4);
    const id = month === newestMonth ? month : year === newestYear ? `${year}-q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}` : year;
    const list = byId.get(id);
    if (list) list.push(item);
    else byId.set(id, [item]);
  }
  // Newest first: the month, then the quarters, then the years ("2026-q4" > "2026-q1" > "2025").
  const ids = [...byId.keys()].sort((a, b) => (a === newestMonth ? -1 : b === newestMonth ? 1 : a < b ? 1 : a > b ? -1 : 0));
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
