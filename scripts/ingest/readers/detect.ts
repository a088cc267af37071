// Detects an input's format from its content, never its file name (the seed is .txt, archived
// items are .md, feeds come as .xml, .rss, .atom or no extension at all).
import { ReadError } from "../raw-item.ts";
import { looksLikeArchive } from "./archive.ts";

export type DetectedFormat = "archive" | "rss" | "rdf" | "atom" | "jsonfeed" | "opml";

const XML_ROOTS: Record<string, DetectedFormat> = { rss: "rss", rdf: "rdf", feed: "atom", opml: "opml" };
const HTML_ROOTS = new Set(["html", "head", "body", "div", "p", "meta", "title", "script", "a", "table"]);

/** Throws ReadError naming the input and why it is not a feed. */
export function detectFormat(text: string, input: string): DetectedFormat {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw new ReadError(input, "not a feed: the input is empty");
  if (body.slice(0, 8192).includes("\u0000")) throw new ReadError(input, "not a feed: binary data");
  if (looksLikeArchive(body)) return "archive";

  const start = body.trimStart();
  if (start.startsWith("{")) return "jsonfeed";
  if (start.startsWith("<")) return xmlFormat(start, input);
  throw new ReadError(input, "not a feed: unrecognised text (not XML, JSON or an archived item)");
}

function xmlFormat(text: string, input: string): DetectedFormat {
  const root = rootElement(text);
  if (root.doctypeHtml) throw new ReadError(input, "not a feed: looks like an HTML page");
  if (!root.name) throw new ReadError(input, "not a feed: no root element found");
  const local = root.name.toLowerCase().split(":").pop() ?? "";
  const format = XML_ROOTS[local];
  if (format) return format;
  if (HTML_ROOTS.has(local)) throw new ReadError(input, "not a feed: looks like an HTML page");
  throw new ReadError(input, `not a feed: unknown XML document <${root.name}>`);
}

/**
 * Name of the first element, after the prolog (XML declaration, processing instructions,
 * comments, DOCTYPE). A prolog scan, not a parse: the parser proper runs in the reader.
 */
function rootElement(text: string): { name?: string; doctypeHtml?: boolean } {
  let i = 0;
  for (let guard = 0; guard < 1000; guard++) {
    i = skipSpace(text, i);
    if (text.startsWith("<?", i)) i = after(text, "?>", i);
    else if (text.startsWith("<!--", i)) i = after(text, "-->", i);
    else if (/^<!doctype/i.test(text.slice(i, i + 9))) {
      const end = after(text, ">", i);
      if (/^<!doctype\s+html/i.test(text.slice(i, end))) return { doctypeHtml: true };
      i = skipInternalSubset(text, i, end);
    } else break;
    if (i < 0) return {};
  }
  const name = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 200));
  return { name: name?.[1] };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function after(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

/** A DOCTYPE may hold an internal subset `[ ... ]` whose declarations contain `>`. */
function skipInternalSubset(text: string, start: number, firstGt: number): number {
  const bracket = text.indexOf("[", start);
  if (bracket < 0 || firstGt < 0 || bracket > firstGt) return firstGt;
  const close = text.indexOf("]", bracket);
  return close < 0 ? -1 : after(text, ">", close);
}
