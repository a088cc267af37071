// The mirror's feed footer: "获取更多RSS：" and its mirror links (older footers name other
// domains), plus the <br>/<hr> run that introduces it. Everything after it goes too.
import type { AnyNode, Text } from "domhandler";
import { count, type CleanRule } from "../context.ts";
import { isBlank, isElement, isText, textContent } from "../dom.ts";
import { remove } from "../mutate.ts";

const FOOTER_START = /^[\s\u00a0]*获取更多\s*RSS/i;

export const dropFeedFooter: CleanRule = (ctx) => {
  const start = findFooterText(ctx.root.children);
  if (!start) return;
  // The footer block: the text's nearest element that starts with the footer text.
  let block: AnyNode = start;
  while (block.parent && isElement(block.parent) && FOOTER_START.test(textContent(block.parent))) block = block.parent;
  const doomed: AnyNode[] = [];
  for (let node: AnyNode | null = block; node && node.type !== "root"; node = node.parent) {
    for (let next = node.next; next; next = next.next) doomed.push(next);
  }
  // The <br>s, <hr> and blank text leading up to it.
  for (let prev = block.prev; prev; prev = prev.prev) {
    if ((isText(prev) && isBlank(prev.data)) || (isElement(prev) && (prev.name === "br" || prev.name === "hr"))) doomed.push(prev);
    else break;
  }
  doomed.push(block);
  remove(doomed);
  count(ctx, "removed feed footer");
};

function findFooterText(nodes: AnyNode[]): Text | undefined {
  for (const node of nodes) {
    if (isText(node) && FOOTER_START.test(node.data)) return node;
    if (isElement(node)) {
      const found = findFooterText(node.children);
      if (found) return found;
    }
  }
  return undefined;
}
