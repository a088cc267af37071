// Image URLs in feeds are the ones the pages use: the images stage's catalog decides (our own
// largest derivative, the remote URL, or nothing), the same as the og:image of an article.
import type { ImageCatalog } from "../../images/image-catalog.ts";
import { fullSize } from "../../images/picture-markup.ts";
import { absoluteUrl } from "../relative-url.ts";
import type { SiteConfig } from "../site-config.ts";
import type { ImageUrlResolver } from "./absolute-html.ts";

export function catalogImageUrls(catalog: Pick<ImageCatalog, "resolve">, site: () => SiteConfig): ImageUrlResolver {
  return (src) => {
    const image = catalog.resolve(src);
    if (!image) return undefined;
    return image.kind === "remote" ? image.url : absoluteUrl(fullSize(image, "/").href, site());
  };
}
