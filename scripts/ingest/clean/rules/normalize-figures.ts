// Images that stand as a block of their own become one figure shape, whatever the publisher's
// markup: <figure>/<figcaption> (NYT, RFI, RFA), BBC's nested image blocks with a credit line and
// caption, WordPress captions (CDT), DW/VOA's <img> followed by <div><small>caption</small></div>.
// Lead image and gallery rules then only need to look for <figure>.
import type { Element } from "domhandler";
import { count, type CleanRule } from "../context.ts";
import { byTag, elementChildren, hasAncestor, isElement, nextMeaningful, textOf } from "../dom.ts";
import { buildFigure, readCaption } from "../figures.ts";
import { detach, replaceWith } from "../mutate.ts";

// A block is an image's own block when its text is no more than a caption would be.
const MAX_CAPTION = 300;
const NOT_FIGURE_CONTENT = ["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "figure", "iframe", "video", "audio"];

export const normalizeFigures: CleanRule = (ctx) => {
  const { root } = ctx;
  for (const fig of byTag(root, "figure")) {
    const img = byTag(fig, "img")[0];
    if (!img) {
      detach(fig);
      count(ctx, "removed figure without image");
      continue;
    }
    const figure = buildFigure(img, readCaption(fig));
    replaceWith(soleLinkWrapper(fig) ?? fig, [figure]);
  }
  for (const img of byTag(root, "img")) {
    if (!img.parent || hasAncestor(img, "figure")) continue;
    const block = imageBlock(img);
    if (!block) continue;
    let parts = readCaption(block);
    let captionBlock: Element | undefined;
    if (!parts.caption) {
      captionBlock = smallCaptionAfter(block);
      if (captionBlock) parts = { ...parts, caption: textOf(captionBlock) || undefined };
    }
    replaceWith(block, [buildFigure(img, parts)]);
    if (captionBlock) detach(captionBlock);
    count(ctx, "normalized figure");
  }
};

/** The largest ancestor holding only this image and caption-sized text; undefined when inline. */
function imageBlock(img: Element): Element | undefined {
  let block: Element = img;
  for (let parent = img.parent; parent && isElement(parent); parent = parent.parent) {
    if (/^(a|li|td|th|figcaption|blockquote)$/.test(parent.name)) break;
    if (byTag(parent, "img").length !== 1 || byTag(parent, ...NOT_FIGURE_CONTENT).length > 0) break;
    if (textOf(parent).length > MAX_CAPTION) break;
    block = parent;
  }
  if (block !== img) return block;
  // A bare <img>: a figure only when it sits between blocks, not inside a line of text.
  const parent = img.parent;
  return !parent || parent.type === "root" || (isElement(parent) && /^(div|section|article|main|body)$/.test(parent.name)) ? img : undefined;
}

/** DW/VOA/Reuters: the caption is the next block, holding only a <small>. */
function smallCaptionAfter(block: Element): Element | undefined {
  const next = nextMeaningful(block);
  if (!isElement(next) || byTag(next, "img").length > 0) return undefined;
  if (next.name === "small") return next;
  const kids = elementChildren(next);
  const onlySmall = kids.length === 1 && kids[0].name === "small" && textOf(next) === textOf(kids[0]);
  return /^(div|p)$/.test(next.name) && onlySmall ? next : undefined;
}

/** RFI wraps whole figures in a link; the figure is the content, the link goes. */
function soleLinkWrapper(fig: Element): Element | undefined {
  const parent = fig.parent;
  if (!isElement(parent) || parent.name !== "a") return undefined;
  return textOf(parent) === textOf(fig) ? parent : undefined;
}

