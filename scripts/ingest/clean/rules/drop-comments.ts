// HTML comments (FT's `<!--pay wall ...-->`), doctype and processing instructions carry nothing a
// reader sees.
import type { AnyNode, ParentNode } from "domhandler";
import { count, type CleanRule } from "../context.ts";
import { isElement } from "../dom.ts";
import { remove } from "../mutate.ts";

export const dropComments: CleanRule = (ctx) => {
  const found: AnyNode[] = [];
  const visit = (parent: ParentNode) => {
    for (const child of parent.children) {
      if (child.type === "comment" || child.type === "directive" || child.type === "cdata") found.push(child);
      else if (isElement(child)) visit(child);
    }
  };
  visit(ctx.root);
  remove(found);
  count(ctx, "removed HTML comment", found.filter((n) => n.type === "comment").length);
};
