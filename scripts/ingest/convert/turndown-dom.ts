// The small DOM turndown walks, built by htmlparser2. Turndown parses a string with domino, a
// full HTML5 DOM that cost a third of the ingest's conversion time; the sanitized body it gets
// was written by htmlparser2 (sanitize-html), so htmlparser2 reads it back to the same tree.
// Where an HTML parser would shape that tree differently and the Markdown would show it (stray
// table parts, the newline after <pre>), this one does as an HTML parser does. Only what turndown
// and the rules in to-markdown.ts read is here. Compared with domino on 2,669 bodies (the shared
// samples and feeds, the bundled samples, 1,000 generated items, crafted edge cases): the same
// Markdown for all but two thead/tbody tables, which now stay one table.
import { Parser } from "../clean/htmlparser.ts";

export type TurndownNode = TextNode | ElementNode;

abstract class BaseNode {
  parentNode: ElementNode | null = null;
  previousSibling: TurndownNode | null = null;
  nextSibling: TurndownNode | null = null;
  /** Set by turndown on each node it converts; the emphasis rule reads it. */
  flankingWhitespace?: { leading: string; trailing: string };
}

export class TextNode extends BaseNode {
  readonly nodeType = 3;
  readonly nodeName = "#text";
  constructor(public data: string) {
    super();
  }
  get nodeValue(): string {
    return this.data;
  }
  set nodeValue(value: string) {
    this.data = value;
  }
  get textContent(): string {
    return this.data;
  }
  cloneNode(): TextNode {
    return new TextNode(this.data);
  }
}

export class ElementNode extends BaseNode {
  readonly nodeType = 1;
  readonly childNodes: TurndownNode[] = [];
  constructor(
    readonly nodeName: string,
    private readonly attribs: Record<string, string>,
  ) {
    super();
  }
  get firstChild(): TurndownNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): TurndownNode | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }
  get children(): ElementNode[] {
    return this.childNodes.filter((n): n is ElementNode => n.nodeType === 1);
  }
  get lastElementChild(): ElementNode | null {
    for (let i = this.childNodes.length - 1; i >= 0; i--) {
      const n = this.childNodes[i];
      if (n.nodeType === 1) return n;
    }
    return null;
  }
  get textContent(): string {
    let text = "";
    for (const n of this.childNodes) text += n.textContent;
    return text;
  }
  getAttribute(name: string): string | null {
    return Object.hasOwn(this.attribs, name) ? this.attribs[name] : null;
  }
  getElementsByTagName(name: string): ElementNode[] {
    return this.querySelectorAll(name);
  }
  /** Tag-name selectors only (`"tr"`, `"th, td"`): all the rules ask for. */
  querySelectorAll(selector: string): ElementNode[] {
    const names = new Set(selector.split(",").map((s) => s.trim().toUpperCase()));
    const found: ElementNode[] = [];
    const walk = (parent: ElementNode) => {
      for (const n of parent.childNodes) {
        if (n.nodeType !== 1) continue;
        if (names.has(n.nodeName)) found.push(n);
        walk(n);
      }
    };
    walk(this);
    return found;
  }
  querySelector(selector: string): ElementNode | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }
  appendChild<T extends TurndownNode>(child: T): T {
    const last = this.lastChild;
    if (last) last.nextSibling = child;
    child.previousSibling = last;
    child.nextSibling = null;
    child.parentNode = this;
    this.childNodes.push(child);
    return child;
  }
  insertBefore<T extends TurndownNode>(child: T, reference: TurndownNode): T {
    const index = this.childNodes.indexOf(reference);
    if (index < 0) throw new Error("insertBefore: the reference is not a child of this node");
    this.childNodes.splice(index, 0, child);
    child.parentNode = this;
    child.previousSibling = reference.previousSibling;
    child.nextSibling = reference;
    if (reference.previousSibling) reference.previousSibling.nextSibling = child;
    reference.previousSibling = child;
    return child;
  }
  removeChild<T extends TurndownNode>(child: T): T {
    const index = this.childNodes.indexOf(child);
    if (index < 0) throw new Error("removeChild: not a child of this node");
    this.childNodes.splice(index, 1);
    if (child.previousSibling) child.previousSibling.nextSibling = child.nextSibling;
    if (child.nextSibling) child.nextSibling.previousSibling = child.previousSibling;
    child.parentNode = child.previousSibling = child.nextSibling = null;
    return child;
  }
  cloneNode(deep = false): ElementNode {
    const copy = new ElementNode(this.nodeName, this.attribs);
    if (deep) for (const n of this.childNodes) copy.appendChild(n.cloneNode(true));
    return copy;
  }
}

// Table parts outside a table are dropped by HTML parsers (their text stays), cells outside a
// row get one, and text inside a table but outside a cell is moved before the table.
const TABLE_PARTS = new Set(["caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"]);
const TABLE_TEXT_PARENTS = new Set(["TABLE", "THEAD", "TBODY", "TFOOT", "TR"]);

/** The fragment's nodes under one root element, as turndown reads them. */
export function parseFragment(html: string): ElementNode {
  const root = new ElementNode("X-TURNDOWN", {});
  let current = root;
  // Per open tag, how many elements it opened (0 for a dropped table part, 2 for a cell and its row).
  const opened: number[] = [];
  const implicitRows = new Set<TurndownNode>();
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        let count = 1;
        if (TABLE_PARTS.has(name)) {
          if (!closest(current, "TABLE")) count = 0;
          else if ((name === "td" || name === "th") && current.nodeName !== "TR") {
            // Cells in a row of their own making share it until something else comes between.
            const last = current.lastChild;
            current = last && implicitRows.has(last) ? (last as ElementNode) : current.appendChild(new ElementNode("TR", {}));
            implicitRows.add(current);
            count = 2;
          }
        }
        opened.push(count);
        if (count) current = current.appendChild(new ElementNode(name.toUpperCase(), attribs));
      },
      onclosetag() {
        for (let n = opened.pop() ?? 0; n > 0 && current.parentNode; n--) current = current.parentNode;
      },
      ontext(data) {
        // As an HTML parser does, a newline right after <pre> is not content.
        if (current.nodeName === "PRE" && !current.firstChild && data.startsWith("\n")) data = data.slice(1);
        if (!data) return;
        let parent = current;
        let before: TurndownNode | null = null;
        if (TABLE_TEXT_PARENTS.has(current.nodeName) && /\S/.test(data)) {
          const table = closest(current, "TABLE") as ElementNode;
          parent = table.parentNode ?? root;
          before = table;
        }
        const previous = before ? before.previousSibling : parent.lastChild;
        if (previous?.nodeType === 3) previous.data += data;
        else if (before) parent.insertBefore(new TextNode(data), before);
        else parent.appendChild(new TextNode(data));
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return root;
}

function closest(node: ElementNode, name: string): ElementNode | null {
  for (let n: ElementNode | null = node; n; n = n.parentNode) if (n.nodeName === name) return n;
  return null;
}
