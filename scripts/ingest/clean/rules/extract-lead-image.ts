// The lead image: a figure that opens the body (after at most one short standfirst block, as
// FT has). It is shown separately, so it leaves the body with its caption.
import type { Element, ParentNode } from "domhandler";
import type { ImageRef } from "../cleaned-item.ts";
import { count, type CleanRule } from "../context.ts";
import { byTag, contentRoot, elementChildren, isEmptyNode, textOf } from "../dom.ts";
import { detach } from "../mutate.ts";

const MAX_STANDFIRST = 200;

export const extractLeadImage: CleanRule = (ctx) => {
  const figure = leadingFigure(ctx.root);
  const img = figure && elementChildren(figure).find((el) => el.name === "img");
  if (!figure || !img) return;
  // The alt text is not a caption here: the lead image's caption is shown under it.
  const image: ImageRef = { src: img.attribs.src };
  if (figure.attribs["data-caption"]) image.caption = figure.attribs["data-caption"];
  if (figure.attribs["data-credit"]) image.credit = figure.attribs["data-credit"];
  ctx.out.image = image;
  detach(figure);
  count(ctx, "moved lead image out of the body");
};

function leadingFigure(root: ParentNode): Element | undefined {
  let skipped = 0;
  for (const block of elementChildren(contentRoot(root))) {
    if (block.name === "figure") return block;
    if (isEmptyNode(block) && block.name !== "hr") continue;
    const standfirst = block.name !== "p" && byTag(block, "p", "img", "figure").length === 0 && textOf(block).length <= MAX_STANDFIRST;
    if (!standfirst || ++skipped > 1) return undefined;
  }
  return undefined;
}
