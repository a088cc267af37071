// A run of three or more figures in a row (BBC photo essays, photo posts) is a gallery: it
// becomes the item's gallery and leaves the body. Only when the item has no gallery yet.
import type { AnyNode, Element } from "domhandler";
import { count, type CleanRule } from "../context.ts";
import { byTag, isElement, isEmptyNode, nextMeaningful } from "../dom.ts";
import { figureData } from "../figures.ts";
import { remove } from "../mutate.ts";

const MIN_RUN = 3;

export const extractFigureGallery: CleanRule = (ctx) => {
  if (ctx.out.gallery) return;
  const seen = new Set<Element>();
  for (const figure of byTag(ctx.root, "figure")) {
    if (seen.has(figure)) continue;
    const run = figureRun(figure);
    run.forEach((f) => seen.add(f));
    if (run.length < MIN_RUN) continue;
    const images = run.flatMap((f) => {
      const img = f.children.find((c): c is Element => isElement(c) && c.name === "img");
      return img ? [figureData(f, img)] : [];
    });
    ctx.out.gallery = { images };
    remove(run);
    count(ctx, "moved figure run into the gallery");
    return;
  }
};

/** The figure and the figures right after it (empty elements between them do not count). */
function figureRun(first: Element): Element[] {
  const run = [first];
  let node: AnyNode | null = nextMeaningful(first);
  while (isElement(node)) {
    if (node.name === "figure") run.push(node);
    else if (!isEmptyNode(node)) break;
    node = nextMeaningful(node);
  }
  return run;
}
