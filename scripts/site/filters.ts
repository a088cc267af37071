// Nunjucks filters the layouts use; each is a thin wrapper over a typed module.
import path from "node:path";
import { formatDate, formatDayKey, formatMonthKey, type DateStyle } from "./dates.ts";
import { translate } from "./i18n.ts";
import { absoluteUrl, relativeUrl } from "./relative-url.ts";
import { dayNeighbours, normalizeContentPath, relatedItems, type ItemView } from "./site-model.ts";
import type { SiteState } from "./site-state.ts";
import { sparklineSvg } from "./sparkline.ts";

interface FilterHost {
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
}

export function registerFilters(config: FilterHost, state: SiteState): void {
  const ctx = () => ({ timezone: state.site.timezone, lang: state.site.lang });
  const add = (name: string, fn: (...args: never[]) => unknown) => config.addFilter(name, fn);

  add("relativeUrl", (target: string, pagePath: string) => relativeUrl(target, pagePath));
  add("absoluteUrl", (target: string) => absoluteUrl(target, state.site));
  add("localDate", (value: unknown, style: DateStyle = "date") => formatDate(value, style, ctx()));
  add("rfc822", (value: unknown) => formatDate(value, "rfc822", ctx()));
  add("dayLabel", (key: string, style: "date" | "dayShort" = "date") => formatDayKey(key, style, ctx()));
  add("monthLabel", (key: string) => formatMonthKey(key, ctx()));
  add("t", (key: string, vars?: Record<string, string | number>) => translate(key, state.site.lang, vars));
  add("sparkline", (daily: number[], label: string) => sparklineSvg(daily, label));
  add("imageTag", (src: unknown, alt: unknown, pagePath: string, className?: string) => imageTag(state, src, alt, pagePath, className));
  add("mediaUrl", (src: unknown) => mediaAbsoluteUrl(state, src));
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

/** A complete <img>; returns "" for a source that is not an image we may show. */
function imageTag(state: SiteState, src: unknown, alt: unknown, pagePath: string, className?: string): string {
  const media = state.media.resolve(src);
  if (!media) return "";
  const attrs: [string, string][] = [];
  if (media.kind === "local") attrs.push(["src", relativeUrl(media.path, pagePath)]);
  else attrs.push(["src", media.url], ["referrerpolicy", "no-referrer"]);
  attrs.push(["alt", typeof alt === "string" ? alt : ""], ["loading", "lazy"], ["decoding", "async"]);
  if (className) attrs.push(["class", className]);
  return `<img ${attrs.map(([k, v]) => `${k}="${escapeAttr(v)}"`).join(" ")}>`;
}

function mediaAbsoluteUrl(state: SiteState, src: unknown): string {
  const media = state.media.resolve(src);
  if (!media) return "";
  return media.kind === "local" ? absoluteUrl(media.path, state.site) : media.url;
}

function hostOf(href: unknown): string {
  try {
    const url = new URL(String(href));
    return url.protocol === "http:" || url.protocol === "https:" ? url.hostname.replace(/^www\./, "") : "";
  } catch {
    return "";
  }
}

function escapeAttr(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
