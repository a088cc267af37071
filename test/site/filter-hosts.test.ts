// The hosts the site's filters are registered through: straight onto Eleventy's Nunjucks
// environment (direct-filters.ts), and memoized per build (fast-filters.ts).
import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { test } from "node:test";
import nunjucks from "nunjucks";
import { withFastFilters } from "../../scripts/site/build/fast-filters.ts";
import { directNunjucksFilters } from "../../scripts/site/direct-filters.ts";
import type { SiteState } from "../../scripts/site/site-state.ts";

test("direct filters reach each Nunjucks environment Eleventy makes, and an error names its filter", () => {
  const events = new EventEmitter();
  const host = directNunjucksFilters({ on: (event, fn) => void events.on(event, fn as (...args: unknown[]) => void) });
  host.addNunjucksFilter("twice", (text: string) => `${text}${text}`);
  host.addNunjucksFilter("boom", () => {
    throw new Error("no such thing");
  });
  for (const round of [1, 2]) {
    const env = new nunjucks.Environment();
    events.emit("eleventy.engine.njk", { nunjucks, environment: env });
    assert.equal(env.renderString("{{ '北京' | twice }}", {}), "北京北京", `environment ${round}`);
    assert.throws(() => env.renderString("{{ 1 | boom }}", {}), /Error in Nunjucks filter `boom`: no such thing/);
  }
});

test("memoized date filters give the plain filter's results, computing each argument list once a build", () => {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const state = { model: {} } as unknown as SiteState;
  const host = withFastFilters({ addNunjucksFilter: (name, fn) => void registered.set(name, fn as (...args: unknown[]) => unknown) }, state);
  const calls: unknown[][] = [];
  const plain = (...args: unknown[]) => {
    calls.push(args);
    return args.map((a) => (a instanceof Date ? `date:${a.getTime()}` : `${typeof a}:${String(a)}`)).join("|");
  };
  host.addNunjucksFilter("localDate", plain as never);
  const localDate = registered.get("localDate")!;
  const at = Date.UTC(2026, 10, 27, 8);
  const argLists: unknown[][] = [
    ["2026-11-27T08:00:00.000Z", "iso"],
    ["2026-11-27T08:00:00.000Z", "date"],
    ["2026-11-27T08:00:00.000Z"],
    ["2026-11-27T08:00:00.000Z", undefined],
    [new Date(at), "iso"],
    [at, "iso"],
    [String(at), "iso"],
    [new Date(Number.NaN), "iso"],
    [{ at }, "iso"],
  ];
  for (const round of [1, 2]) for (const args of argLists) assert.equal(localDate(...args), plain(...args), `round ${round}: ${String(args[0])}`);
  // Each list once in the first round (and once more above, for the expected value), none
  // cached in the second but the two that cannot be keys: an invalid date and an object.
  const memoCalls = calls.length - 2 * argLists.length;
  assert.equal(memoCalls, argLists.length + 2);
  // A new model is a new build: nothing carries over.
  (state as { model: object }).model = {};
  calls.length = 0;
  localDate("2026-11-27T08:00:00.000Z", "iso");
  assert.equal(calls.length, 1);
});
