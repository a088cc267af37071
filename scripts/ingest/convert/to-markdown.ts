// Sanitized body HTML to Markdown (turndown). The Markdown must render to the same content with
// raw HTML off (markdown-renderer.ts, the one markdown-it setup the site reads it back with), so
// emphasis is written only where CommonMark will read it as emphasis (CJK punctuation next to
// `**` often defeats it), and text is escaped just enough: never an HTML tag, entity or autolink.
import sanitizeHtml from "sanitize-html";
import TurndownService from "turndown";
import { type ElementNode, parseFragment, type TurndownNode } from "./turndown-dom.ts";

// Turndown hands the rules the nodes of the DOM it was given (turndown-dom.ts); its typings say HTMLElement.
const dom = (node: unknown) => node as ElementNode;

export function htmlToMarkdown(html: string): string {
  let markdown: string;
  try {
    markdown = converter().turndown(parseFragment(html) as unknown as TurndownService.Node);
  } catch {
    // Absurd input (nesting deeper than the stack): keep the words, lose the layout.
    markdown = escapeText(plainText(html));
  }
  return markdown.replace(/\n{3,}/g, "\n\n").trim();
}

let shared: TurndownService | undefined;

function converter(): TurndownService {
  if (shared) return shared;
  const service = new TurndownService({
    headingStyle: "atx",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    hr: "---",
    br: "\\",
    emDelimiter: "*",
    strongDelimiter: "**",
  });
  service.escape = escapeText;
  service.addRule("strong", { filter: ["strong", "b"], replacement: (content, node) => emphasis(content, dom(node), "**") });
  service.addRule("emphasis", { filter: ["em", "i"], replacement: (content, node) => emphasis(content, dom(node), "*") });
  service.addRule("link", {
    filter: (node) => node.nodeName === "A" && !!node.getAttribute("href"),
    replacement: (content, node) => {
      const text = content.trim();
      return text ? `[${text}](${destination(dom(node).getAttribute("href") ?? "")})` : "";
    },
  });
  service.addRule("listItem", { filter: "li", replacement: (content, node) => listItem(content, dom(node)) });
  service.addRule("image", { filter: "img", replacement: (_content, node) => image(dom(node)) });
  service.addRule("figure", { filter: "figure", replacement: (content) => `\n\n${content.trim()}\n\n` });
  service.addRule("figcaption", {
    filter: "figcaption",
    replacement: (content) => {
      const text = content.replace(/\s*\n\s*/g, " ").trim();
      return text ? `\n\n${wrapIfFlanking(text, "*", " ", " ") ?? text}\n\n` : "";
    },
  });
  service.addRule("plainPre", {
    filter: (node) => node.nodeName === "PRE" && node.firstChild?.nodeName !== "CODE",
    replacement: (_content, node) => fenced(node.textContent ?? ""),
  });
  service.addRule("tableCell", { filter: ["th", "td"], replacement: (content) => ` ${cell(content)} |` });
  service.addRule("tableRow", {
    filter: "tr",
    replacement: (content, node) => {
      const row = `|${content}`;
      if (!isFirstRow(dom(node))) return `\n${row}`;
      const cells = dom(node).querySelectorAll("th, td").length;
      return `\n${row}\n|${" --- |".repeat(Math.max(cells, 1))}`;
    },
  });
  // Rows of the head and the body make one table: no blank line between them.
  service.addRule("tableSection", { filter: ["thead", "tbody", "tfoot"], replacement: (content) => content });
  service.addRule("tableCaption", { filter: "caption", replacement: (content) => `\n\n${content.trim()}\n\n` });
  service.addRule("table", { filter: "table", replacement: (content) => `\n\n${content.trim()}\n\n` });
  shared = service;
  return service;
}

// "- item" / "3. item", continuation lines indented to the item's text.
function listItem(content: string, node: ElementNode): string {
  const parent = node.parentNode;
  let marker = "-";
  if (parent?.nodeName === "OL") {
    const start = Number(parent.getAttribute("start") ?? 1) || 1;
    marker = `${start + Array.prototype.indexOf.call(parent.children, node)}.`;
  }
  const indent = " ".repeat(marker.length + 1);
  const body = content.replace(/^\n+/, "").replace(/\n+$/, "\n").replace(/\n(?=[^\n])/g, `\n${indent}`).trimEnd();
  return `${marker} ${body}${node.nextSibling ? "\n" : ""}`;
}

function image(node: ElementNode): string {
  const src = node.getAttribute("src");
  if (!src) return "";
  const alt = (node.getAttribute("alt") ?? "").replace(/\s+/g, " ").trim().replace(/([\\[\]])/g, "\\$1");
  const title = (node.getAttribute("title") ?? "").replace(/\s+/g, " ").trim();
  return `![${alt}](${destination(src)}${title ? ` "${title.replace(/(["\\])/g, "\\$1")}"` : ""})`;
}

/** A link destination markdown-it reads back exactly. */
function destination(url: string): string {
  const escaped = url.replace(/([\\<>()])/g, "\\$1");
  return /\s/.test(escaped) ? `<${escaped.replace(/\s/g, (c) => encodeURIComponent(c))}>` : escaped;
}

function fenced(code: string): string {
  const longest = Math.max(2, ...(code.match(/`{3,}/g) ?? []).map((f) => f.length));
  const fence = "`".repeat(longest + 1);
  return `\n\n${fence}\n${code.replace(/\n$/, "")}\n${fence}\n\n`;
}

function cell(content: string): string {
  return content.replace(/\s*\n+\s*/g, " ").replace(/\|/g, "\\|").trim();
}

function isFirstRow(node: ElementNode): boolean {
  const table = node.parentNode?.nodeName === "TABLE" ? node.parentNode : node.parentNode?.parentNode;
  return !!table && table.querySelector("tr") === node;
}

// CommonMark's flanking rules (markdown-it counts symbols as punctuation too).
const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;
// Markup characters that must stay inside the delimiters they belong to.
const MARKUP = /[\\*_[\]()<>`!~|#]/;

/** `**content**` when CommonMark will read it so; else with the outer punctuation moved out; else plain. */
function emphasis(content: string, node: ElementNode, delimiter: string): string {
  if (!content.trim()) return "";
  // Delimiters of two adjacent emphasis runs would merge ("*a**b*"): the first one yields.
  if (node.nextSibling && isEmphasis(node.nextSibling)) return content;
  const before = charBefore(node);
  const after = charAfter(node);
  const direct = wrapIfFlanking(content, delimiter, before, after);
  if (direct) return direct;
  const lead = /^[\p{P}\p{S}]*/u.exec(content)?.[0] ?? "";
  const trail = /[\p{P}\p{S}]*$/u.exec(content.slice(lead.length))?.[0] ?? "";
  const inner = content.slice(lead.length, content.length - trail.length);
  if (inner && !MARKUP.test(lead + trail)) {
    const moved = wrapIfFlanking(inner, delimiter, lead.at(-1) ?? before, trail[0] ?? after);
    if (moved) return lead + moved + trail;
  }
  return content;
}

function wrapIfFlanking(content: string, delimiter: string, before: string, after: string): string | undefined {
  const first = content[0];
  const last = content[content.length - 1];
  const opens = !SPACE.test(first) && (!PUNCT.test(first) || SPACE.test(before) || PUNCT.test(before));
  const closes = !SPACE.test(last) && (!PUNCT.test(last) || SPACE.test(after) || PUNCT.test(after));
  return opens && closes ? `${delimiter}${content}${delimiter}` : undefined;
}

// The character the Markdown will have right before/after the node's delimiters: a sibling's
// text, "[" or "]" for a link around it, or a space at a block's edge. Inline markup around a
// sibling ends in punctuation (`**`, `)`).
function charBefore(node: TurndownNode): string {
  if (node.flankingWhitespace?.leading) return " ";
  for (let n = node.previousSibling; n; n = n.previousSibling) {
    if (n.nodeType === 1 && n.nodeName !== "BR") return n.nodeName === "IMG" ? ")" : "*";
    const text = n.textContent ?? "";
    if (text) return text[text.length - 1];
    if (n.nodeName === "BR") return "\n";
  }
  const parent = node.parentNode;
  if (parent?.nodeName === "A") return "[";
  return parent && isInline(parent) ? charBefore(parent) : " ";
}

function charAfter(node: TurndownNode): string {
  if (node.flankingWhitespace?.trailing) return " ";
  for (let n = node.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 1 && n.nodeName !== "BR") return n.nodeName === "IMG" ? "!" : "*";
    const text = n.textContent ?? "";
    if (text) return text[0];
    if (n.nodeName === "BR") return "\n";
  }
  const parent = node.parentNode;
  if (parent?.nodeName === "A") return "]";
  return parent && isInline(parent) ? charAfter(parent) : " ";
}

function isEmphasis(node: TurndownNode): boolean {
  return /^(B|STRONG|I|EM)$/.test(node.nodeName);
}

function isInline(node: TurndownNode): boolean {
  return /^(A|B|STRONG|I|EM|SMALL|SUP|SUB|CODE|SPAN)$/.test(node.nodeName);
}

/**
 * Escape text so it reads back as the same text: Markdown syntax, HTML-looking `<` (tags,
 * autolinks) and entity-looking `&`. Underscores inside words are left alone (not emphasis).
 */
function escapeText(text: string): string {
  // Most text nodes (CJK prose) hold none of the characters the inline escapes look for.
  if (!/[\\*`[\]_~<&]/.test(text)) return escapeLineStart(text);
  const inline = text
    .replace(/\\/g, "\\\\")
    .replace(/[*`[\]]/g, "\\$&")
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_")
    .replace(/~~/g, "\\~\\~")
    .replace(/<(?=[A-Za-z/!?])/g, "\\<")
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&");
  return escapeLineStart(inline);
}

/** A text that would start a block (list, quote, heading, setext underline, ordered list). */
function escapeLineStart(text: string): string {
  return text.replace(/^(\s*)([-+>]|#{1,6}(?=\s|$)|=+\s*$)/, "$1\\$2").replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2");
}

/** Text only, for the fallback path: sanitize-html with no tag allowed, its 4 escapes undone. */
function plainText(html: string): string {
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
  const unescape: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };
  return text.replace(/&(amp|lt|gt|quot);/g, (m) => unescape[m]).replace(/\s+/g, " ").trim();
}
