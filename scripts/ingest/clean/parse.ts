// Parse the item's HTML once (htmlparser2 through cheerio: fast, forgiving, HTML-aware) and
// serialize it back. The rules all work on this one tree.
import { load, type CheerioAPI } from "cheerio/slim";

const OPTIONS = { xml: { xmlMode: false, decodeEntities: true, encodeEntities: "utf8" as const } };

export function parseBody(html: string): CheerioAPI {
  return load(repairTokens(html), OPTIONS, false);
}

export function serializeBody($: CheerioAPI): string {
  return $.root().html() ?? "";
}

// Lexical repairs a parser cannot make: NUL characters, and `<imgsrc=` (an archive's missing
// space) which would otherwise parse as an unknown element named `imgsrc="...`.
function repairTokens(html: string): string {
  return html.replace(/\0/g, "").replace(/<img(?=src\s*=)/gi, "<img ");
}
