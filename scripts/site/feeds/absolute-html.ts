// Feed content leaves the site, so every URL in it must stand alone: links resolve against the
// article's absolute URL (as a browser on the article page would), images go through the site's
// media resolver (the same public URL the pages use), and whatever cannot become an absolute
// http(s) (or, for links, mailto:) URL is dropped.
import * as cheerio from "cheerio";

export type ImageUrlResolver = (src: string) => string | undefined;

const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/** An absolute http(s) URL for `value` seen from `base`, or undefined. */
export function absoluteHttpUrl(value: string, base: string): string | undefined {
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function absoluteLink(value: string, base: string): string | undefined {
  try {
    const url = new URL(value.trim(), base);
    return LINK_SCHEMES.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The image's public URL as the pages would show it (the site's media resolver: file:// copies,
 * site paths, remote URLs); a source the pages would not show (relative junk, data:) is dropped.
 */
export function absoluteImageUrl(src: string, base: string, imageUrl: ImageUrlResolver): string | undefined {
  const resolved = imageUrl(src);
  return resolved ? absoluteHttpUrl(resolved, base) : undefined;
}

export function absolutizeHtml(html: string, base: string, imageUrl: ImageUrlResolver): string {
  const $ = cheerio.load(html, null, false);
  $("[href], [cite]").each((_, node) => {
    for (const attr of ["href", "cite"]) {
      const value = $(node).attr(attr);
      if (value === undefined) continue;
      const url = absoluteLink(value, base);
      if (url) $(node).attr(attr, url);
      else $(node).removeAttr(attr);
    }
  });
  // Responsive candidates would each need resolving; the single src is enough for a reader.
  $("[srcset]").removeAttr("srcset");
  $("[sizes]").removeAttr("sizes");
  $("[poster]").removeAttr("poster");
  $("[src]").each((_, node) => {
    const url = absoluteImageUrl($(node).attr("src") ?? "", base, imageUrl);
    if (url && node.tagName === "img") $(node).attr("src", url);
    else $(node).remove();
  });
  $("img:not([src])").remove();
  return $.html();
}
