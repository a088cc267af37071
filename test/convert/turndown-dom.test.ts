// The small DOM turndown walks: built by htmlparser2, shaped as an HTML parser shapes the
// fragment where that changes the Markdown (tables, <pre>), and consistent when turndown edits it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type ElementNode, parseFragment, type TurndownNode } from "../../scripts/ingest/convert/turndown-dom.ts";
import { htmlToMarkdown } from "../../scripts/ingest/convert/to-markdown.ts";

/** The tree as compact text: `P(#"a" B(#"b"))`. */
function shape(node: TurndownNode): string {
  if (node.nodeType === 3) return `#${JSON.stringify(node.data)}`;
  return `${node.nodeName}(${node.childNodes.map(shape).join(" ")})`;
}

/** Every sibling and parent link agrees with the child lists. */
function assertLinked(parent: ElementNode): void {
  parent.childNodes.forEach((child, i) => {
    assert.equal(child.parentNode, parent);
    assert.equal(child.previousSibling, parent.childNodes[i - 1] ?? null);
    assert.equal(child.nextSibling, parent.childNodes[i + 1] ?? null);
    if (child.nodeType === 1) assertLinked(child);
  });
}

test("elements, text and attributes come out as turndown reads them", () => {
  const root = parseFragment('<p class="x">a &amp; b<br><a href="https://e.x/?a=1&amp;b=2">l&eacute;</a></p><hr>');
  assert.equal(shape(root), 'X-TURNDOWN(P(#"a & b" BR() A(#"lé")) HR())');
  const p = root.firstChild as ElementNode;
  assert.equal(p.getAttribute("class"), "x");
  assert.equal(p.getAttribute("id"), null);
  assert.equal((p.lastChild as ElementNode).getAttribute("href"), "https://e.x/?a=1&b=2");
  assert.equal(p.textContent, "a & blé");
  assert.equal(p.lastElementChild?.nodeName, "A");
  assert.deepEqual(p.children.map((c) => c.nodeName), ["BR", "A"]);
  assertLinked(root);
});

test("a newline right after <pre> is not content", () => {
  assert.equal(shape(parseFragment("<pre>\ncode\n</pre>")), 'X-TURNDOWN(PRE(#"code\\n"))');
  assert.equal(shape(parseFragment("<pre>\n\ncode</pre>")), 'X-TURNDOWN(PRE(#"\\ncode"))');
});

test("tables: stray text moves before the table, cells get a row, parts outside a table are dropped", () => {
  assert.equal(
    shape(parseFragment("<table>hello<tr><td>x</td></tr></table>")),
    'X-TURNDOWN(#"hello" TABLE(TR(TD(#"x"))))',
  );
  assert.equal(
    shape(parseFragment("<table><td>a</td><td>b</td></table>")),
    'X-TURNDOWN(TABLE(TR(TD(#"a") TD(#"b"))))',
  );
  assert.equal(shape(parseFragment("<p>x</p><td>cell</td><tr><td>row</td></tr>")), 'X-TURNDOWN(P(#"x") #"cellrow")');
  // Whitespace between rows stays where it is; turndown drops it.
  assert.equal(shape(parseFragment("<table> <tr><td>x</td></tr></table>")), 'X-TURNDOWN(TABLE(#" " TR(TD(#"x"))))');
});

test("removing and inserting nodes keeps every link consistent", () => {
  const root = parseFragment("<p>a<b>b</b>c<i>d</i></p>");
  const p = root.firstChild as ElementNode;
  const b = p.childNodes[1];
  p.removeChild(b);
  assert.equal(b.parentNode, null);
  assert.equal(shape(root), 'X-TURNDOWN(P(#"a" #"c" I(#"d")))');
  p.insertBefore(b, p.childNodes[0]);
  assert.equal(shape(root), 'X-TURNDOWN(P(B(#"b") #"a" #"c" I(#"d")))');
  assertLinked(root);
  const copy = root.cloneNode(true);
  assert.equal(shape(copy), shape(root));
  assert.notEqual(copy.firstChild, root.firstChild);
  assertLinked(copy);
  assert.throws(() => p.removeChild(copy.firstChild as TurndownNode), /not a child/);
});

test("selectors by tag name find descendants in document order", () => {
  const root = parseFragment("<table><tr><th>h</th></tr><tr><td>1</td><td><b>2</b></td></tr></table>");
  assert.deepEqual(root.querySelectorAll("th, td").map((n) => n.textContent), ["h", "1", "2"]);
  assert.equal(root.querySelector("tr")?.textContent, "h");
  assert.equal(root.querySelector("ul"), null);
  assert.equal(root.getElementsByTagName("b").length, 1);
});

test("the Markdown of malformed tables is the Markdown of the tables a browser would build", () => {
  assert.equal(htmlToMarkdown("<table><td>a</td><td>b</td></table>"), "| a | b |\n| --- | --- |");
  assert.equal(htmlToMarkdown("<table>hello<tr><td>x</td></tr></table>"), "hello\n\n| x |\n| --- |");
  assert.equal(htmlToMarkdown("<li>item</li><td>cell</td>"), "- item\ncell");
  assert.equal(
    htmlToMarkdown("<table><thead><tr><th>A</th><th>B|c</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"),
    "| A | B\\|c |\n| --- | --- |\n| 1 | 2 |",
  );
});
