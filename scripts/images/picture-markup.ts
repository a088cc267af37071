// The markup of one image: a <picture> with a <source> per modern format and a fallback <img>
// carrying srcset/sizes, width/height, lazy loading (eager and high priority for an article's lead
// image) and the dominant-colour placeholder class; or a plain remote <img> without referrer.
import { relativeUrl } from "../site/relative-url.ts";
import type { Derivative } from "./derivatives.ts";
import type { ServedImage } from "./image-catalog.ts";
import { placeholderClass } from "./placeholder-colour.ts";

export type ImageRole = "lead" | "body" | "gallery" | "card";

const SIZES: Record<ImageRole, string> = {
  lead: "(min-width: 44rem) 42rem, calc(100vw - 2rem)",
  body: "(min-width: 44rem) 42rem, calc(100vw - 2rem)",
  gallery: "(min-width: 44rem) 21rem, (min-width: 40rem) 50vw, calc(100vw - 2rem)",
  card: "6.5rem",
};
/** The <img> src when srcset is not understood: wide enough for a column. */
const FALLBACK_WIDTH = 960;
/** Size hint for a remote image we could not measure: a common photo shape, so the layout reserves
 * space; with `height: auto` in the CSS the real shape wins once the image loads. */
export const REMOTE_NOMINAL = { width: 1200, height: 800 };

export interface PictureOptions {
  alt: string;
  /** Site path of the page the markup goes into (URLs are relative to it). */
  pagePath: string;
  role: ImageRole;
  className?: string;
}

export function pictureHtml(image: ServedImage, options: PictureOptions): string {
  const eager = options.role === "lead";
  const loading: [string, string][] = eager ? [["loading", "eager"], ["fetchpriority", "high"], ["decoding", "async"]] : [["loading", "lazy"], ["decoding", "async"]];
  if (image.kind === "remote") {
    const size = REMOTE_NOMINAL;
    const attrs: [string, string][] = [["src", image.url], ["alt", options.alt], ["width", String(size.width)], ["height", String(size.height)], ["referrerpolicy", "no-referrer"], ...loading];
    if (options.className) attrs.push(["class", options.className]);
    return tag("img", attrs);
  }
  const sizes = SIZES[options.role];
  const url = (d: Derivative) => relativeUrl(`/img/${d.name}`, options.pagePath);
  const srcset = (list: Derivative[]) => list.map((d) => `${url(d)} ${d.width}w`).join(", ");
  const fallbackFormat = image.formats[image.formats.length - 1];
  const sources = image.formats
    .slice(0, -1)
    .map((format) => tag("source", [["type", `image/${format}`], ["srcset", srcset(image.derivatives.filter((d) => d.format === format))], ["sizes", sizes]]));
  const fallback = image.derivatives.filter((d) => d.format === fallbackFormat);
  const src = fallback.filter((d) => d.width <= FALLBACK_WIDTH).at(-1) ?? fallback[0];
  const classes = [options.className, placeholderClass(image.facts.colour)].filter(Boolean).join(" ");
  const img = tag("img", [
    ["src", url(src)],
    ["srcset", srcset(fallback)],
    ["sizes", sizes],
    ["alt", options.alt],
    ["width", String(src.width)],
    ["height", String(src.height)],
    ...loading,
    ["class", classes],
  ]);
  return `<picture>${sources.join("")}${img}</picture>`;
}

/** The largest served copy (what a gallery links to), or the remote URL with a nominal size. */
export function fullSize(image: ServedImage, pagePath: string): { href: string; width: number; height: number; remote: boolean } {
  if (image.kind === "remote") return { href: image.url, ...REMOTE_NOMINAL, remote: true };
  const fallbackFormat = image.formats[image.formats.length - 1];
  const largest = image.derivatives.filter((d) => d.format === fallbackFormat).at(-1)!;
  return { href: relativeUrl(`/img/${largest.name}`, pagePath), width: largest.width, height: largest.height, remote: false };
}

function tag(name: string, attrs: [string, string][]): string {
  return `<${name} ${attrs.map(([k, v]) => `${k}="${escapeAttr(v)}"`).join(" ")}>`;
}

function escapeAttr(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
