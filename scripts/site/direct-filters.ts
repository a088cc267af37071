// The site's filters go straight onto Eleventy's Nunjucks environment. Added with
// addNunjucksFilter, every call of a filter also passes through Eleventy's wrappers: a benchmark
// timer, and copying `page` and `eleventy` onto the filter's `this`, which none of ours reads.
// A 10,000-item build calls them about a million times.
import type nunjucks from "nunjucks";

export type Filter = (...args: never[]) => unknown;

interface EngineEvents {
  on(event: string, fn: (...args: never[]) => unknown): void;
}

/** Where the site's modules register their filters. */
export interface FilterHost {
  addNunjucksFilter(name: string, fn: Filter): void;
}

/** A filter host whose filters Eleventy's Nunjucks environments get as they are created. */
export function directNunjucksFilters(config: EngineEvents): FilterHost {
  const filters = new Map<string, Filter>();
  config.on("eleventy.engine.njk", ((event: { environment: nunjucks.Environment }) => {
    for (const [name, fn] of filters) event.environment.addFilter(name, named(name, fn));
  }) as never);
  return { addNunjucksFilter: (name, fn) => void filters.set(name, fn) };
}

/** An error names its filter, as Eleventy's wrapper did; Nunjucks adds the template and line. */
function named(name: string, fn: Filter): (...args: unknown[]) => unknown {
  const call = fn as (...args: unknown[]) => unknown;
  return (...args) => {
    try {
      return call(...args);
    } catch (error) {
      throw new Error(`Error in Nunjucks filter \`${name}\`: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
}
