// One entry point for decoded input text: detect the format, run its reader, and stamp what every
// item needs (position, asset base). OPML is not items but a list of further inputs.
import { XMLValidator } from "fast-xml-parser";
import { ReadError, type RawItem } from "../raw-item.ts";
import { readArchive } from "./archive.ts";
import { detectFormat, type DetectedFormat } from "./detect.ts";
import { readFeedXml } from "./feed-xml.ts";
import { readJsonFeed } from "./json-feed.ts";
import { readOpml } from "./opml.ts";

export { detectFormat, type DetectedFormat } from "./detect.ts";
export { readArchive, looksLikeArchive } from "./archive.ts";
export { readFeedXml } from "./feed-xml.ts";
export { readJsonFeed } from "./json-feed.ts";
export { readOpml } from "./opml.ts";

export interface ReadTextOptions {
  /** URL the input was fetched from (after redirects): the base for its relative URLs. */
  baseUrl?: string;
  /** file:// URL of a local input, set on every item as `assetBase`. */
  assetBase?: string;
}

export type ReadResult =
  | { kind: "items"; format: Exclude<DetectedFormat, "opml">; items: RawItem[]; warnings: string[] }
  | { kind: "opml"; feeds: string[] };

/** Reads one decoded input. Throws ReadError (naming the input) for anything unusable. */
export function readText(text: string, input: string, opts: ReadTextOptions = {}): ReadResult {
  const format = detectFormat(text, input);
  try {
    if (format === "opml") return { kind: "opml", feeds: readOpml(text, input) };
    const items = readByFormat(format, text, input, opts);
    items.forEach((item, index) => {
      item.index = index;
      if (opts.assetBase) item.assetBase = opts.assetBase;
    });
    return { kind: "items", format, items, warnings: wellFormedness(format, text, input, items.length) };
  } catch (err) {
    if (err instanceof ReadError) throw err;
    // Hostile input may trip a library in ways it does not document; report it, never crash.
    throw new ReadError(input, `could not be read as ${format}: ${(err as Error)?.message ?? String(err)}`);
  }
}

function readByFormat(format: Exclude<DetectedFormat, "opml">, text: string, input: string, opts: ReadTextOptions): RawItem[] {
  switch (format) {
    case "archive":
      return readArchive(text, input);
    case "jsonfeed":
      return readJsonFeed(text, input, opts);
    default:
      return readFeedXml(text, input, opts);
  }
}

/**
 * The feed parser recovers what it can from broken XML (an unescaped `&`, a truncated file); the
 * recovered items are kept, and the damage is reported so the operator learns of it. A broken
 * file that yields nothing is an error.
 */
function wellFormedness(format: DetectedFormat, text: string, input: string, items: number): string[] {
  if (format !== "rss" && format !== "rdf" && format !== "atom") return [];
  const result = XMLValidator.validate(text);
  if (result === true) return [];
  const where = `line ${result.err.line}, column ${result.err.col}`;
  if (items === 0) throw new ReadError(input, `XML is not well-formed (${where}: ${result.err.msg}) and no item could be recovered`);
  return [`XML is not well-formed (${where}: ${result.err.msg}); recovered ${items} item${items === 1 ? "" : "s"}`];
}
