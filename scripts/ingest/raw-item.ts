// The one shape every reader yields, whatever the input format.
// Readers decode and parse; they never clean HTML (that is the clean stage's job).

export type InputFormat = "archive" | "rss" | "rdf" | "atom" | "jsonfeed";

export interface RawMedia {
  /** Absolute URL (or, for local samples, a path relative to the input file). */
  url: string;
  /** MIME type when the feed says it (image/jpeg, video/mp4, ...). */
  type?: string;
  /** media:title or similar. */
  title?: string;
  /** media:description, a caption. */
  caption?: string;
  /** "content" (media:content, enclosure, JSON image/attachments) or "thumbnail". */
  role: "content" | "thumbnail";
}

export interface RawItem {
  /** The input this item came from (file path or URL), for messages and reports. */
  input: string;
  /** Position of the item inside its input (0-based), for messages. */
  index: number;
  format: InputFormat;
  /** Feed-level facts, when the input is a feed. */
  feed?: { title?: string; link?: string; id?: string; lang?: string };
  guid?: string;
  title?: string;
  /** Absolute URL of the original article. */
  link?: string;
  /** ISO 8601 date as given by the input (feed pubDate/updated, archive line 1). */
  date?: string;
  author?: string;
  /** Feed categories / tags, as given. */
  categories: string[];
  /** The item's body HTML, not yet cleaned. May be empty. */
  html: string;
  /** A feed-provided summary/description, when distinct from html. */
  summary?: string;
  media: RawMedia[];
  /** Base URL for resolving relative URLs in html (xml:base, else the link). */
  baseUrl?: string;
  /**
   * For items read from local files: file:// URL of the input, against which relative IMAGE paths
   * resolve (bundled samples ship their own images). Links still resolve against baseUrl.
   */
  assetBase?: string;
  /** Language declared by the feed or item (xml:lang, <language>, JSON language). */
  lang?: string;
  /** Extra front matter found in the input (archive variant with YAML front matter). */
  extra?: Record<string, unknown>;
}

/** A reader parses one decoded input text into raw items. It throws ReadError on unusable input. */
export type Reader = (text: string, input: string) => RawItem[];

/** Thrown for an input that is not usable: the message names the input and the reason. */
export class ReadError extends Error {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(`${input}: ${reason}`);
    this.name = "ReadError";
  }
}
