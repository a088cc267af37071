// Every link and image URL made absolute and clean: relative URLs resolved (links against the
// page, image paths against the local folder for local items), tracking parameters stripped,
// entity accidents (`®ion=`) repaired. Links that are not pages (API endpoints, unknown schemes,
// unresolvable) are reduced to their text; images without a usable URL are dropped.
import { count, type CleanRule } from "../context.ts";
import { byTag, descendants } from "../dom.ts";
import { isApiEndpoint, resolveImage, resolveLink, stripTracking } from "../urls.ts";
import { detach, unwrap } from "../mutate.ts";

export const resolveUrls: CleanRule = (ctx) => {
  const { root, pageBase, assetBase } = ctx;
  for (const a of descendants(root, (el) => el.name === "a" && el.attribs.href !== undefined)) {
    const url = resolveLink(a.attribs.href, pageBase);
    if (!url || isApiEndpoint(url)) {
      count(ctx, url ? "reduced API link to its text" : "reduced unusable link to its text");
      unwrap(a);
      continue;
    }
    if (stripTracking(url)) count(ctx, "stripped tracking parameters");
    a.attribs.href = url.href;
  }
  for (const img of byTag(root, "img")) {
    const url = img.attribs.src ? resolveImage(img.attribs.src, pageBase, assetBase) : undefined;
    if (!url) {
      count(ctx, "removed image with unusable URL");
      detach(img);
      continue;
    }
    stripTracking(url);
    img.attribs.src = url.href;
  }
};
