// Lazy-loaded images become one plain <img> with its real src: from data-src / data-original,
// a srcset, a <picture>'s <source>s, or the <noscript> fallback, never both the fallback and
// the lazy image. Images left with no real source are dropped, with NYT's stray "Image" label.
import type { Element } from "domhandler";
import { count, type CleanRule } from "../context.ts";
import { byTag, elementChildren, hasAncestor, isText } from "../dom.ts";
import { bestSrcsetCandidate, isPlaceholderSrc } from "../urls.ts";
import { createElement, detach, remove, replaceWith, unwrap } from "../mutate.ts";

const LAZY_ATTRS = ["data-src", "data-original", "data-lazy-src", "data-actualsrc", "data-hi-res-src"];
const SRCSET_ATTRS = ["srcset", "data-srcset", "data-lazy-srcset"];

export const resolveLazyImages: CleanRule = (ctx) => {
  const { root } = ctx;
  for (const picture of byTag(root, "picture")) flattenPicture(picture);
  for (const img of byTag(root, "img")) if (!hasAncestor(img, "noscript")) setRealSrc(img);

  for (const noscript of byTag(root, "noscript")) {
    if (!noscript.parent) continue;
    const fallbacks = byTag(noscript, "img");
    if (fallbacks.length === 0 || hasRealImageBeside(noscript)) {
      detach(noscript);
      continue;
    }
    // The lazy twin (if any) never got a real src: the fallback replaces it.
    remove(siblings(noscript).filter((el) => el.name === "img" && !hasRealSrc(el)));
    fallbacks.forEach(setRealSrc);
    unwrap(noscript);
    count(ctx, "used <noscript> image fallback");
  }

  const empty = byTag(root, "img").filter((img) => !hasRealSrc(img));
  count(ctx, "removed image with no source", empty.length);
  remove(empty);
  // NYT: the word "Image" stands where a script would have put the picture.
  for (const figure of byTag(root, "figure")) {
    for (const child of figure.children) if (isText(child) && child.data.trim() === "Image") detach(child);
  }
};

function flattenPicture(picture: Element): void {
  const img = byTag(picture, "img")[0] ?? createElement("img");
  if (!hasRealSrc(img) && !LAZY_ATTRS.some((a) => img.attribs[a])) {
    const srcset = byTag(picture, "source")
      .map((s) => s.attribs.srcset ?? s.attribs["data-srcset"] ?? "")
      .join(", ");
    const best = bestSrcsetCandidate(srcset);
    if (best) img.attribs.src = best;
  }
  replaceWith(picture, [img]);
}

function setRealSrc(img: Element): void {
  const a = img.attribs;
  const lazy = LAZY_ATTRS.map((name) => a[name]).find((v) => v && !isPlaceholderSrc(v));
  const fromSrcset = SRCSET_ATTRS.map((name) => a[name] && bestSrcsetCandidate(a[name])).find(
    (v): v is string => !!v && !isPlaceholderSrc(v),
  );
  const real = lazy ?? (isPlaceholderSrc(a.src) ? fromSrcset : a.src);
  for (const name of [...LAZY_ATTRS, ...SRCSET_ATTRS, "sizes", "data-sizes", "loading"]) delete a[name];
  if (real) a.src = real.trim();
  else delete a.src;
}

function hasRealSrc(img: Element): boolean {
  return !isPlaceholderSrc(img.attribs.src);
}

/** True when the <noscript>'s surroundings already hold an image with a real source. */
function hasRealImageBeside(noscript: Element): boolean {
  const parent = noscript.parent;
  if (!parent) return false;
  return byTag(parent, "img").some((img) => !hasAncestor(img, "noscript") && hasRealSrc(img));
}

function siblings(node: Element): Element[] {
  return node.parent ? elementChildren(node.parent) : [];
}
