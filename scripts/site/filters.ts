// Nunjucks filters the layouts use; each is a thin wrapper over a typed module. Every filter of
// the site (here, images, feeds) is a Nunjucks filter, not a universal one: Eleventy copies all
// universal filters into a new object for each permalink and computed-data function it calls,
// some 8 per listing page (0.4 s of a 2,778-page listing run with 31 of them).
import path from "node:path";
import { formatDate, formatDayKey, formatMonthKey, type DateStyle } from "./dates.ts";
import type { FilterHost } from "./direct-filters.ts";
import { translate } from "./i18n.ts";
import { absoluteUrl, relativeUrl } from "./relative-url.ts";
import { dayNeighbours, normalizeContentPath, relatedItems, type ItemView } from "./site-model.ts";
import type { SiteState } from "./site-state.ts";
import { sparklineSvg } from "./sparkline.ts";

export const NOT_FOUND_PATH = "/404.html";

export function registerFilters(config: FilterHost, state: SiteState): void {
  const ctx = () => ({ timezone: state.site.timezone, lang: state.site.lang });
  const add = (name: string, fn: (...args: never[]) => unknown) => config.addNunjucksFilter(name, fn);

  // 404.html is served at whatever depth was missed, where no relative link can be right: its
  // links are absolute under the configured pathPrefix instead.
  add("relativeUrl", (target: string, pagePath: string) =>
    pagePath === NOT_FOUND_PATH ? state.site.pathPrefix + target.replace(/^\/+/, "") : relativeUrl(target, pagePath),
  );
  add("absoluteUrl", (target: string) => absoluteUrl(target, state.site));
  add("localDate", (value: unknown, style: DateStyle = "date") => formatDate(value, style, ctx()));
  add("rfc822", (value: unknown) => formatDate(value, "rfc822", ctx()));
  add("dayLabel", (key: string, style: "date" | "dayShort" = "date") => formatDayKey(key, style, ctx()));
  add("monthLabel", (key: string) => formatMonthKey(key, ctx()));
  // The days a listing page covers, oldest first ("2023年9月11日 – 2023年9月14日"); items newest first.
  add("dateRange", (items: { date: string }[] | undefined) => {
    // Eleventy renders computed titles once before pagination has set the listing: no items yet.
    if (!items?.length) return "";
    const [from, to] = [items[items.length - 1], items[0]].map((item) => formatDate(item.date, "date", ctx()));
    return from === to ? from : translate("dateRange", state.site.lang, { from, to });
  });
  add("t", (key: string, vars?: Record<string, string | number>) => translate(key, state.site.lang, vars));
  add("sparkline", (daily: number[], label: string) => sparklineSvg(daily, label));
  add("articleView", (inputPath: string) => articleView(state, inputPath));
  add("neighbours", (item: ItemView) => dayNeighbours(state.model, item));
  add("related", (item: ItemView) => relatedItems(state.model, item, state.site.relatedItems));
  add("jsonLd", (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c"));
  add("hostOf", (href: unknown) => hostOf(href));
  add("externalHref", (href: unknown) => (hostOf(href) ? String(href) : ""));
}

/** The model's view of an article, found by the content file's path. */
function articleView(state: SiteState, inputPath: string): ItemView | undefined {
  const rel = normalizeContentPath(path.relative(state.paths.root, path.resolve(inputPath)));
  return state.model.byContentPath.get(rel);
}

function hostOf(href: unknown): string {
  try {
    const url = new URL(String(href));
    return url.protocol === "http:" || url.protocol === "https:" ? url.hostname.replace(/^www\./, "") : "";
  } catch {
    return "";
  }
}
