// Layout wrappers (div, section, main, header, footer, ...) carry no meaning and the sanitizer
// drops them, which would run neighbouring texts together. So, innermost first: a wrapper
// holding blocks is unwrapped, its loose inline text becoming paragraphs; a wrapper holding
// only inline content becomes a paragraph itself.
import type { AnyNode, Element, ParentNode } from "domhandler";
import type { CleanRule } from "../context.ts";
import { BLOCK_TAGS, byTag, hasAncestor, isBlank, isElement, isText } from "../dom.ts";
import { append, createElement, replaceWith, unwrap } from "../mutate.ts";

const WRAPPERS = ["div", "section", "article", "main", "header", "footer", "aside", "nav", "center", "address", "details", "summary", "hgroup"];

export const flattenContainers: CleanRule = (ctx) => {
  for (const el of byTag(ctx.root, ...WRAPPERS).reverse()) {
    if (el.children.some(isBlock)) unwrapIntoParagraphs(el);
    else if (hasAncestor(el, "p")) unwrap(el);
    else el.name = "p";
  }
  wrapLooseInline(ctx.root);
};

/** Text and inline elements lying loose at the top level between blocks become paragraphs. */
function wrapLooseInline(root: ParentNode): void {
  let run: AnyNode[] = [];
  const flush = () => {
    if (run.some(isMeaningfulInline)) {
      const p = createElement("p");
      replaceWith(run[0], [p]);
      append(p, run);
    }
    run = [];
  };
  for (const child of [...root.children]) {
    if (isBlock(child) || child.type === "comment") flush();
    else run.push(child);
  }
  flush();
}

function isBlock(node: AnyNode): boolean {
  return isElement(node) && BLOCK_TAGS.has(node.name);
}

function unwrapIntoParagraphs(el: Element): void {
  const out: AnyNode[] = [];
  let run: AnyNode[] = [];
  const flush = () => {
    if (run.some(isMeaningfulInline)) out.push(createElement("p", {}, run));
    run = [];
  };
  for (const child of [...el.children]) {
    if (isBlock(child)) {
      flush();
      out.push(child);
    } else {
      run.push(child);
    }
  }
  flush();
  replaceWith(el, out);
}

function isMeaningfulInline(node: AnyNode): boolean {
  if (isText(node)) return !isBlank(node.data);
  return isElement(node) && node.name !== "br";
}
