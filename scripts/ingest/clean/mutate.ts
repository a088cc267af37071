// Tree edits straight on domhandler nodes: cheerio wrappers cost more than the edits themselves
// (a `$("<p>")` re-runs the parser), and the rules make many small edits per item.
import { Element, Text, type AnyNode, type ParentNode } from "domhandler";

export function createElement(name: string, attribs: Record<string, string> = {}, children: AnyNode[] = []): Element {
  const el = new Element(name, { ...attribs }, []);
  append(el, children);
  return el;
}

export function createText(data: string): Text {
  return new Text(data);
}

/** Take a node out of the tree. */
export function detach(node: AnyNode): void {
  const parent = node.parent;
  if (parent) {
    const i = parent.children.indexOf(node as never);
    if (i >= 0) parent.children.splice(i, 1);
  }
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = node.prev = node.next = null;
}

export function remove(nodes: Iterable<AnyNode>): void {
  for (const node of nodes) detach(node);
}

/** Put `nodes` where `old` was (they may be old's own children: that is how unwrapping works). */
export function replaceWith(old: AnyNode, nodes: AnyNode[]): void {
  const parent = old.parent;
  if (!parent) return;
  const moving = nodes.filter((n) => n !== old);
  moving.forEach(detach);
  const i = parent.children.indexOf(old as never);
  parent.children.splice(i, 1, ...(moving as never[]));
  old.parent = old.prev = old.next = null;
  relink(parent);
}

/** Replace an element by its children. */
export function unwrap(el: Element): void {
  replaceWith(el, [...el.children]);
}

export function append(parent: ParentNode, nodes: AnyNode[]): void {
  const moving = [...nodes];
  moving.forEach(detach);
  parent.children.push(...(moving as never[]));
  relink(parent);
}

function relink(parent: ParentNode): void {
  const kids = parent.children;
  for (let i = 0; i < kids.length; i++) {
    kids[i].parent = parent;
    kids[i].prev = kids[i - 1] ?? null;
    kids[i].next = kids[i + 1] ?? null;
  }
}
