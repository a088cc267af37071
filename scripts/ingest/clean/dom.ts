// Small DOM helpers the rules share (domhandler nodes, as htmlparser2 builds them).
import type { AnyNode, Element, ParentNode, Text } from "domhandler";

// Whitespace as a reader sees it: also no-break and zero-width spaces.
const BLANK = /^[\s\u00a0\u200b-\u200d\u2060\ufeff\u3000]*$/;
const SPACES = /[\s\u00a0\u200b-\u200d\u2060\ufeff\u3000]+/g;

export const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dd", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
  "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
]);

export function isElement(node: AnyNode | null | undefined): node is Element {
  return !!node && (node.type === "tag" || node.type === "script" || node.type === "style");
}

export function isText(node: AnyNode | null | undefined): node is Text {
  return !!node && node.type === "text";
}

export function isBlank(text: string): boolean {
  return BLANK.test(text);
}

export function squeeze(text: string): string {
  return text.replace(SPACES, " ").trim();
}

/** All elements under `root` in document order (iterative: absurd nesting cannot overflow). */
export function descendants(root: AnyNode, keep: (el: Element) => boolean = () => true): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = "children" in root ? [...(root as ParentNode).children].reverse() : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (keep(node)) out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

/** Elements under `root` with one of these tag names. */
export function byTag(root: AnyNode, ...names: string[]): Element[] {
  return descendants(root, (el) => names.includes(el.name));
}

/** Every text node under `root`, in document order. */
export function textNodes(root: AnyNode): Text[] {
  const out: Text[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) out.push(n);
    else if (isElement(n) || n.type === "root") {
      const kids = (n as ParentNode).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return out;
}

/** The text of a node (its text nodes joined). */
export function textContent(node: AnyNode): string {
  if (isText(node)) return node.data;
  let text = "";
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) text += n.data;
    else if (isElement(n) || n.type === "root") {
      const kids = (n as ParentNode).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return text;
}

/** Text of a node with whitespace collapsed. */
export function textOf(node: AnyNode): string {
  return squeeze(textContent(node));
}

const CONTENT_VOID_TAGS = new Set(["img", "iframe", "video", "audio", "object", "embed", "hr", "picture", "table"]);

/** True when the node holds no text and no image, embed or rule. */
export function isEmptyNode(node: AnyNode): boolean {
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) {
      if (!isBlank(n.data)) return false;
    } else if (isElement(n)) {
      if (CONTENT_VOID_TAGS.has(n.name)) return false;
      stack.push(...n.children);
    }
  }
  return true;
}

/** True when `ancestor` contains `node`. */
export function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Element children, skipping text and comments. */
export function elementChildren(parent: ParentNode): Element[] {
  return parent.children.filter(isElement);
}

/** The next sibling that is not blank text or a comment. */
export function nextMeaningful(node: AnyNode): AnyNode | null {
  let n = node.next;
  while (n && ((isText(n) && isBlank(n.data)) || n.type === "comment")) n = n.next;
  return n;
}

export function previousMeaningful(node: AnyNode): AnyNode | null {
  let n = node.prev;
  while (n && ((isText(n) && isBlank(n.data)) || n.type === "comment")) n = n.prev;
  return n;
}

/**
 * The element that holds the body's blocks: the root, or the single wrapper (BBC's <main>,
 * NYT's <section>) everything sits in.
 */
export function contentRoot(root: ParentNode): ParentNode {
  let node: ParentNode = root;
  for (;;) {
    const meaningful: AnyNode[] = node.children.filter((c) => !(isText(c) && isBlank(c.data)) && c.type !== "comment");
    const only: AnyNode | undefined = meaningful[0];
    if (meaningful.length !== 1 || !isElement(only) || !/^(main|article|section|div|body|html)$/.test(only.name)) {
      return node;
    }
    node = only;
  }
}

/** The ancestor of `node` that is a direct child of `container` (or the node itself). */
export function blockUnder(node: AnyNode, container: ParentNode): AnyNode | null {
  let n: AnyNode | null = node;
  while (n && n.parent !== container) n = n.parent;
  return n;
}

/** True when `node` sits inside an element with this tag name. */
export function hasAncestor(node: AnyNode, name: string): boolean {
  for (let p = node.parent; p; p = p.parent) if (isElement(p) && p.name === name) return true;
  return false;
}

export function hasClass(el: Element, name: string): boolean {
  const cls = el.attribs.class;
  return !!cls && ` ${cls.replace(/\s+/g, " ")} `.includes(` ${name} `);
}
