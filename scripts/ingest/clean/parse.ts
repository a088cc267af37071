// Parse the item's HTML once (htmlparser2: fast, forgiving, HTML-aware) and serialize it back.
// The rules all work on this one tree of domhandler nodes; no cheerio wrapper is needed for that.
import render from "dom-serializer";
import type { Document } from "domhandler";
import { parseDocument } from "./htmlparser.ts";

const OPTIONS = { xmlMode: false, decodeEntities: true, encodeEntities: "utf8" as const };

export function parseBody(html: string): Document {
  return parseDocument(repairTokens(html), OPTIONS);
}

export function serializeBody(root: Document): string {
  return render(root.children, OPTIONS);
}

// Lexical repairs a parser cannot make: NUL characters, and `<imgsrc=` (an archive's missing
// space) which would otherwise parse as an unknown element named `imgsrc="...`.
function repairTokens(html: string): string {
  return html.replace(/\0/g, "").replace(/<img(?=src\s*=)/gi, "<img ");
}
