// Empty blocks (VOA's blank paragraphs, emptied wrappers, links with no text) go; runs of <br>
// split a paragraph in two (VOA writes paragraphs as <br><br>) or collapse to one; <br> at the
// edges of a block or between blocks goes.
import type { AnyNode, Element, ParentNode } from "domhandler";
import { count, type CleanRule } from "../context.ts";
import { BLOCK_TAGS, byTag, descendants, isBlank, isElement, isText } from "../dom.ts";
import { createElement, detach, remove, replaceWith } from "../mutate.ts";

// Kept even when empty: voids that are content, and table cells that hold a table's shape.
const KEEP_EMPTY = new Set(["br", "hr", "img", "td", "th", "tr", "thead", "tbody", "tfoot", "table", "col", "colgroup"]);
const CONTENT = new Set(["img", "hr", "table", "iframe", "video", "audio", "object", "embed"]);
const TEXT_BLOCKS = new Set(["p", "li", "blockquote", "figcaption", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"]);

export const dropEmptyBlocks: CleanRule = (ctx) => {
  const { root } = ctx;
  const empty: Element[] = [];
  markEmpty(root, empty);
  count(ctx, "removed empty paragraph", empty.filter((el) => el.name === "p").length);
  remove(empty);

  for (const p of byTag(root, "p")) splitOnBreakRuns(p);
  for (const block of descendants(root, (el) => TEXT_BLOCKS.has(el.name))) trimBreaks(block);
  const breaks = byTag(root, "br");
  // A <br> between blocks is spacing, not a line break; a second <br> in a row adds nothing.
  remove(breaks.filter((br) => !isLineBreak(br) || isBreak(previousNonBlank(br))));
};

/** Post-order: true when the node has content; collects the empty elements to remove. */
function markEmpty(node: ParentNode, empty: Element[]): boolean {
  let has = false;
  for (const child of node.children) {
    if (isText(child)) has ||= !isBlank(child.data);
    else if (isElement(child)) {
      const childHas = CONTENT.has(child.name) || markEmpty(child, empty);
      if (!childHas && !KEEP_EMPTY.has(child.name)) empty.push(child);
      has ||= childHas;
    }
  }
  return has;
}

/** `a<br><br>b` → two paragraphs. */
function splitOnBreakRuns(p: Element): void {
  const segments: AnyNode[][] = [[]];
  let breaks: AnyNode[] = [];
  for (const child of [...p.children]) {
    if (isBreak(child)) {
      breaks.push(child);
      continue;
    }
    if (isText(child) && isBlank(child.data) && breaks.length) continue;
    if (breaks.length >= 2) segments.push([]);
    else segments[segments.length - 1].push(...breaks);
    breaks = [];
    segments[segments.length - 1].push(child);
  }
  if (segments.length < 2) return;
  replaceWith(p, segments.map((nodes) => createElement("p", {}, nodes)));
}

function trimBreaks(block: Element): void {
  for (const edge of ["first", "last"] as const) {
    for (;;) {
      const kids = block.children.filter((c) => !(isText(c) && isBlank(c.data)));
      const node = edge === "first" ? kids[0] : kids[kids.length - 1];
      if (!isBreak(node)) break;
      detach(node);
    }
  }
}

function isBreak(node: AnyNode | null | undefined): boolean {
  return isElement(node) && node.name === "br";
}

// A <br> inside a text block or inline element is a line break; beside blocks it is spacing.
function isLineBreak(br: Element): boolean {
  const parent = br.parent;
  if (!isElement(parent)) return false;
  if (!BLOCK_TAGS.has(parent.name) || TEXT_BLOCKS.has(parent.name)) return true;
  return parent.children.every((c) => !isElement(c) || !BLOCK_TAGS.has(c.name));
}

function previousNonBlank(node: AnyNode): AnyNode | null {
  let n = node.prev;
  while (n && isText(n) && isBlank(n.data)) n = n.prev;
  return n;
}
