// DW's gallery: `<h3>相关图集：TITLE</h3>` then a run of `<div><img><b>title</b>：caption</div>`.
// It becomes the item's gallery and leaves the body.
import type { Element } from "domhandler";
import type { GalleryImage } from "../cleaned-item.ts";
import { count, type CleanRule } from "../context.ts";
import { byTag, isElement, nextMeaningful, squeeze, textContent, textOf } from "../dom.ts";
import { remove } from "../mutate.ts";

const HEADING = /^(?:相关图集|相關圖集|图集|圖集|图片集|圖片集)\s*[:：]\s*/;

export const extractTitledGallery: CleanRule = (ctx) => {
  if (ctx.out.gallery) return;
  for (const heading of byTag(ctx.root, "h2", "h3", "h4")) {
    const text = textOf(heading);
    if (!HEADING.test(text)) continue;
    const slides: Element[] = [];
    const images: GalleryImage[] = [];
    for (let node = nextMeaningful(heading); isElement(node); node = nextMeaningful(node)) {
      const image = readSlide(node);
      if (!image) break;
      slides.push(node);
      images.push(image);
    }
    if (images.length === 0) continue;
    const title = text.replace(HEADING, "");
    ctx.out.gallery = title ? { title, images } : { images };
    remove([heading, ...slides]);
    count(ctx, "moved gallery out of the body");
    return;
  }
};

/** `<div><img><b>title</b>：caption</div>` → {src, title, caption}; undefined for anything else. */
function readSlide(el: Element): GalleryImage | undefined {
  if (el.name !== "div" && el.name !== "p" && el.name !== "figure") return undefined;
  const imgs = byTag(el, "img");
  const src = imgs[0]?.attribs.src;
  if (imgs.length !== 1 || !src) return undefined;
  const bold = byTag(el, "b", "strong")[0];
  const title = bold ? textOf(bold) || undefined : undefined;
  const caption = squeeze(textOutside(el, bold)).replace(/^[:：]\s*/, "") || undefined;
  const image: GalleryImage = { src };
  if (title) image.title = title;
  if (caption) image.caption = caption;
  return image;
}

/** The element's text, leaving out one descendant (the slide's bold title). */
function textOutside(el: Element, skip: Element | undefined): string {
  return el.children.map((child) => (child === skip ? "" : isElement(child) ? textOutside(child, skip) : textContent(child))).join("");
}
