// What the clean stage hands to the item builder: sanitized body HTML plus the facts the rules
// lifted out of it (byline, lead image, gallery, topic markers).

export interface ImageRef {
  src: string;
  caption?: string;
  /** Photo credit when the markup separates it from the caption ("图像来源，Getty Images"). */
  credit?: string;
}

export interface GalleryImage {
  src: string;
  title?: string;
  caption?: string;
  credit?: string;
}

export interface Gallery {
  title?: string;
  images: GalleryImage[];
}

export interface CleanedItem {
  /** Sanitized body HTML: lead image, byline and gallery already removed from it. */
  html: string;
  author?: string;
  /** ISO 8601 date from the byline; wins over the feed date. */
  date?: string;
  image?: ImageRef;
  gallery?: Gallery;
  /** Topics marked in the body (DW AUTO_TOPIC spans). */
  topics: string[];
  /** Notes for the report (e.g. "removed 2 iframes"); never a failure. */
  notes: string[];
  /** The opening paragraphs' visible text (about 400 characters), which the summary is cut from. */
  leadText: string;
}
