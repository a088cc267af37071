// The images' Nunjucks filters and Markdown image rule, over the catalog the images stage filled.
// Layouts call `picture` (markup), `imageFull` (gallery link target) and `imageAbsoluteUrl` (og:image).
import type { MarkdownIt } from "markdown-it";
import type { FilterHost } from "../site/direct-filters.ts";
import { absoluteUrl } from "../site/relative-url.ts";
import type { SiteConfig } from "../site/site-config.ts";
import type { ImageCatalog } from "./image-catalog.ts";
import { fullSize, pictureHtml, type ImageRole } from "./picture-markup.ts";

const ROLES = new Set<ImageRole>(["lead", "body", "gallery", "card"]);

export function registerImageFilters(config: FilterHost, catalog: ImageCatalog, site: () => SiteConfig): void {
  config.addNunjucksFilter("picture", (src: unknown, alt: unknown, pagePath: string, role: ImageRole = "body", className?: string) => {
    const image = catalog.resolve(src);
    if (!image) return "";
    return pictureHtml(image, { alt: typeof alt === "string" ? alt : "", pagePath, role: ROLES.has(role) ? role : "body", className });
  });
  config.addNunjucksFilter("imageFull", (src: unknown, pagePath: string) => {
    const image = catalog.resolve(src);
    return image ? fullSize(image, pagePath) : null;
  });
  config.addNunjucksFilter("imageAbsoluteUrl", (src: unknown) => {
    const image = catalog.resolve(src);
    if (!image) return "";
    return image.kind === "remote" ? image.url : absoluteUrl(fullSize(image, "/").href, site());
  });
}

/** Markdown images in article bodies become the same responsive markup (or vanish when refused). */
export function withResponsiveImages(md: MarkdownIt, catalog: ImageCatalog): MarkdownIt {
  md.renderer.rules.image = (tokens, idx, options, env) => {
    const token = tokens[idx];
    const page = (env as { page?: { url?: unknown } } | undefined)?.page;
    const image = catalog.resolve(token.attrGet("src"));
    if (!image) return "";
    const alt = md.renderer.renderInlineAsText(token.children ?? [], options, env);
    const pagePath = typeof page?.url === "string" ? page.url : "/";
    return pictureHtml(image, { alt, pagePath, role: "body", className: "body-image" });
  };
  return md;
}
