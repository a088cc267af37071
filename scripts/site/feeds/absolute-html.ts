// Feed content leaves the site, so every URL in it must stand alone: links resolve against the
// article's absolute URL (as a browser on the article page would), images go through the site's
// media resolver (the same public URL the pages use), and whatever cannot become an absolute
// http(s) (or, for links, mailto:) URL is dropped.
import type { MarkdownIt, Token } from "markdown-it";

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

/**
 * Markdown rendered with every URL made absolute. Raw HTML is off, so the only URLs are the
 * links' and images' own: they are rewritten on the tokens, and no HTML is parsed back.
 */
export function renderAbsoluteHtml(md: MarkdownIt, markdown: string, base: string, imageUrl: ImageUrlResolver): string {
  const env = {};
  const absolutize = (tokens: Token[]): Token[] =>
    tokens.filter((token) => {
      if (token.children) token.children = absolutize(token.children);
      if (token.type === "link_open") {
        const url = absoluteLink(String(token.attrGet("href") ?? ""), base);
        if (url) token.attrSet("href", url);
        else token.attrs = (token.attrs ?? []).filter(([name]) => name !== "href");
      } else if (token.type === "image") {
        // An image the pages would not show is left out, alt text and all.
        const url = absoluteImageUrl(String(token.attrGet("src") ?? ""), base, imageUrl);
        if (!url) return false;
        token.attrSet("src", url);
      }
      return true;
    });
  return md.renderer.render(absolutize(md.parse(markdown, env)), md.options, env);
}
