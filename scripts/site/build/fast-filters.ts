// Faster stand-ins for filters whose plain form costs a site-wide scan or a luxon parse per call:
// registerFilters() registers through this host, which swaps `related` and `neighbours` for the
// once-per-model index and memoizes the pure date filters per build. The results are the same
// (test/incremental/fast-filters.test.ts compares them on generated sites).
import type { ItemView } from "../site-model.ts";
import type { SiteState } from "../site-state.ts";
import { relatedIndex } from "./related-index.ts";

type Filter = (...args: never[]) => unknown;

interface FilterHost {
  addNunjucksFilter(name: string, fn: Filter): void;
}

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

/** Caches by argument values (strings, numbers, dates); a new model (a rebuild) starts afresh. */
function memoized(fn: (...args: unknown[]) => unknown, state: SiteState): Filter {
  const caches = new WeakMap<object, Map<string, unknown>>();
  return ((...args: unknown[]) => {
    const key = argsKey(args);
    if (key === undefined) return fn(...args);
    let cache = caches.get(state.model);
    if (!cache) caches.set(state.model, (cache = new Map()));
    if (cache.has(key)) return cache.get(key);
    const value = fn(...args);
    cache.set(key, value);
    return value;
  }) as Filter;
}

function argsKey(args: unknown[]): string | undefined {
  let key = "";
  for (const arg of args) {
    if (typeof arg === "string") key += `s${arg.length}:${arg}`;
    else if (typeof arg === "number") key += `n${arg};`;
    else if (arg instanceof Date && !Number.isNaN(arg.getTime())) key += `d${arg.toISOString()};`;
    else if (arg === undefined) key += "u;";
    else return undefined;
  }
  return key;
}
