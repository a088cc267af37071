// Reader for OPML subscription lists: yields the feeds they list (outline xmlUrl), relative ones
// resolved against the OPML file's own location (a URL or a local path).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseOpml, type Opml } from "feedsmith";
import { ReadError } from "../raw-item.ts";
import { isHttpUrl } from "./resolve-url.ts";

type Outline = Opml.Outline<string>;

export function readOpml(text: string, input: string): string[] {
  let doc: Opml.Document<string>;
  try {
    doc = parseOpml(text);
  } catch (err) {
    throw new ReadError(input, `not a valid OPML list: ${(err as Error).message}`);
  }
  const feeds: string[] = [];
  const visit = (outlines: Outline[] | undefined) => {
    for (const outline of outlines ?? []) {
      const location = outline.xmlUrl?.trim() ? resolveAgainst(outline.xmlUrl.trim(), input) : undefined;
      if (location) feeds.push(location);
      visit(outline.outlines);
    }
  };
  visit(doc.body?.outlines);
  return [...new Set(feeds)];
}

function resolveAgainst(ref: string, input: string): string | undefined {
  if (isHttpUrl(input)) {
    try {
      return new URL(ref, input).href;
    } catch {
      return undefined;
    }
  }
  if (/^file:/i.test(ref)) {
    try {
      return fileURLToPath(ref);
    } catch {
      return undefined;
    }
  }
  // Any other scheme (http, ftp, ...) is kept as written: load-sources judges it.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return ref;
  return path.resolve(path.dirname(input), ref);
}
