// The one figure shape the rules produce: <figure><img><figcaption>caption <small>credit</small>
// </figcaption></figure>, with the caption and credit also kept as data-* for the extractors
// (the sanitizer drops those attributes later).
import type { AnyNode, Element } from "domhandler";
import type { GalleryImage } from "./cleaned-item.ts";
import { descendants, hasClass, isElement, isText, squeeze, textContent } from "./dom.ts";
import { createElement, createText } from "./mutate.ts";

export interface CaptionParts {
  caption?: string;
  credit?: string;
}

const SKIPPED = new Set(["img", "picture", "noscript", "script", "style", "source"]);
const INLINE_CREDIT = /\s*Credit\s*(?:\.{2,}|…)\s*/;
const CREDIT_TEXT = /^(©|credit\b|photo:|图片来源|图像来源|圖片來源|圖像來源)/i;

function isCreditElement(el: Element): boolean {
  return (
    (el.name === "p" && el.attribs.role === "text") ||
    el.name === "cite" ||
    hasClass(el, "credit") ||
    hasClass(el, "image-credit") ||
    el.attribs.itemprop === "copyrightHolder" ||
    ((el.name === "span" || el.name === "small") && CREDIT_TEXT.test(squeeze(textContent(el))))
  );
}

function isCaptionElement(el: Element): boolean {
  return (
    el.attribs["data-testid"] === "caption-paragraph" ||
    el.name === "figcaption" ||
    ["wp-caption-text", "image-caption", "caption"].some((c) => hasClass(el, c))
  );
}

/** Caption and credit text in `container`, leaving the image and any media out. */
export function readCaption(container: Element): CaptionParts {
  if (container.name === "img") return {};
  const credits: string[] = [];
  const explicit = descendants(container, isCaptionElement)[0];
  let caption = "";
  // Walk the text, routing credit elements' text aside.
  const walk = (node: AnyNode, into: "caption" | "credit") => {
    if (isText(node)) {
      if (into === "credit") credits[credits.length - 1] += node.data;
      else caption += node.data;
    } else if (isElement(node) && !SKIPPED.has(node.name)) {
      const credit = into === "caption" && isCreditElement(node);
      if (credit) credits.push("");
      for (const child of node.children) walk(child, credit ? "credit" : into);
    }
  };
  walk(explicit ?? container, "caption");
  if (explicit) {
    // Credits outside the explicit caption element (BBC's "图像来源" line) still count.
    const outside = descendants(container, isCreditElement).filter((el) => !isInside(el, explicit));
    for (const el of outside) if (!outside.some((o) => o !== el && isInside(el, o))) credits.push(textContent(el));
  }
  caption = squeeze(caption);
  // NYT writes the credit into the caption: "...在北京。Credit...Pool photo by Ken Ishii".
  const inline = INLINE_CREDIT.exec(caption);
  if (inline) {
    credits.push(caption.slice(inline.index + inline[0].length));
    caption = caption.slice(0, inline.index).trim();
  }
  const credit = credits.map(squeeze).filter(Boolean).join(" ");
  return { caption: caption || undefined, credit: credit || undefined };
}

function isInside(node: AnyNode, ancestor: AnyNode): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

export function buildFigure(img: Element, { caption, credit }: CaptionParts): Element {
  const attribs: Record<string, string> = { src: img.attribs.src };
  for (const name of ["alt", "title", "width", "height"]) if (img.attribs[name]) attribs[name] = img.attribs[name];
  const children: AnyNode[] = [createElement("img", attribs)];
  if (caption || credit) {
    const parts: AnyNode[] = [createText(caption ?? "")];
    if (credit) parts.push(createText(caption ? " " : ""), createElement("small", {}, [createText(credit)]));
    children.push(createElement("figcaption", {}, parts));
  }
  const data: Record<string, string> = {};
  if (caption) data["data-caption"] = caption;
  if (credit) data["data-credit"] = credit;
  return createElement("figure", data, children);
}

/** A normalized figure as gallery/lead-image data (no undefined fields). */
export function figureData(figure: Element, img: Element): GalleryImage {
  const data: GalleryImage = { src: img.attribs.src };
  const caption = figure.attribs["data-caption"] || img.attribs.alt?.trim();
  if (caption) data.caption = caption;
  if (figure.attribs["data-credit"]) data.credit = figure.attribs["data-credit"];
  return data;
}
