// A small XML writer: elements as data, escaped in one place when written, so no feed module
// concatenates markup by hand. Text and attribute values pass through feedSafe() first.
import { feedSafe } from "./feed-text.ts";

export type XmlAttrs = Record<string, string | number | undefined>;
export type XmlChild = XmlElement | string | undefined | null | false;

export interface XmlElement {
  name: string;
  attrs: XmlAttrs;
  children: XmlChild[];
}

export function el(name: string, attrs: XmlAttrs = {}, ...children: (XmlChild | XmlChild[])[]): XmlElement {
  return { name, attrs, children: children.flat() };
}

/** An element holding one text value, or nothing when the value is empty. */
export function textEl(name: string, value: string | number | undefined, attrs: XmlAttrs = {}): XmlElement | undefined {
  if (value === undefined || value === "") return undefined;
  return el(name, attrs, String(value));
}

export function escapeXml(value: string): string {
  return feedSafe(value).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export interface XmlDocumentOptions {
  /** href of an XSL stylesheet the document names with <?xml-stylesheet?>. */
  stylesheet?: string;
}

export function renderXmlDocument(root: XmlElement, options: XmlDocumentOptions = {}): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  if (options.stylesheet) lines.push(`<?xml-stylesheet type="text/xsl" href="${escapeXml(options.stylesheet)}"?>`);
  lines.push(renderElement(root, ""));
  return `${lines.join("\n")}\n`;
}

function renderElement(node: XmlElement, indent: string): string {
  const attrs = Object.entries(node.attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
  const children = node.children.filter((c): c is XmlElement | string => typeof c === "string" || (Boolean(c) && typeof c === "object"));
  if (children.length === 0) return `${indent}<${node.name}${attrs}/>`;
  // Text content stays inline (whitespace inside text matters); element children are indented.
  if (children.every((c) => typeof c === "string")) return `${indent}<${node.name}${attrs}>${children.map(escapeXml).join("")}</${node.name}>`;
  const inner = children.map((c) => (typeof c === "string" ? `${indent}  ${escapeXml(c)}` : renderElement(c, `${indent}  `)));
  return `${indent}<${node.name}${attrs}>\n${inner.join("\n")}\n${indent}</${node.name}>`;
}
