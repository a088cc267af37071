// Faster stand-ins for filters whose plain form costs a site-wide scan or a luxon parse per call:
// registerFilters() registers through this host, which swaps `related` and `neighbours` for the
// once-per-model index and memoizes the pure date filters per build. The results are the same
// (test/incremental/related-index.test.ts compares the index with the scans;
// test/site/filter-hosts.test.ts the memoized filters with the plain ones).
import type { Filter, FilterHost } from "../direct-filters.ts";
import type { ItemView } from "../site-model.ts";
import type { SiteState } from "../site-state.ts";
import { relatedIndex } from "./related-index.ts";

/** Filters that depend only on their arguments and the site config: memoized per build. */
const MEMOIZED = new Set(["localDate", "rfc822", "dayLabel", "monthLabel"]);

export function withFastFilters<T extends FilterHost>(config: T, state: SiteState): FilterHost {
  return {
    addNunjucksFilter(name, fn) {
      if (name === "related") config.addNunjucksFilter(name, (item: ItemView) => relatedIndex(state.model).related(item, state.site.relatedItems));
      else if (name === "neighbours") config.addNunjucksFilter(name, (item: ItemView) => relatedIndex(state.model).neighbours(item));
      else if (MEMOIZED.has(name)) config.addNunjucksFilter(name, memoized(fn as (...args: unknown[]) => unknown, state));
      else config.addNunjucksFilter(name, fn);
    },
  };
}

/**
 * Caches by argument values (strings, numbers, valid dates, undefined) in a tree of maps, a level
 * per argument, so that no key string is built per call. A new model (a rebuild) starts afresh.
 */
function memoized(fn: (...args: unknown[]) => unknown, state: SiteState): Filter {
  const caches = new WeakMap<object, Level>();
  return ((...args: unknown[]) => {
    let node = caches.get(state.model);
    if (!node) caches.set(state.model, (node = new Map()));
    for (const arg of args) {
      if (typeof arg === "string" || typeof arg === "number" || arg === undefined) node = child(node, arg);
      // A date's instant sits under its own key, apart from numbers.
      else if (arg instanceof Date && !Number.isNaN(arg.getTime())) node = child(child(node, DATE), arg.getTime());
      else return fn(...args);
    }
    if (node.has(RESULT)) return node.get(RESULT);
    const value = fn(...args);
    node.set(RESULT, value);
    return value;
  }) as Filter;
}

type Level = Map<unknown, unknown>;
const RESULT = Symbol("result");
const DATE = Symbol("date");

function child(node: Level, key: unknown): Level {
  let next = node.get(key) as Level | undefined;
  if (!next) node.set(key, (next = new Map()));
  return next;
}
