// /sources.opml: the public input feeds (url sources; `public: false` left out), so a reader can
// follow the originals too.
import type { FeedSource } from "../../config/feeds.ts";
import { absoluteUrl } from "../relative-url.ts";
import type { SiteConfig } from "../site-config.ts";
import { feedLine } from "./feed-text.ts";
import { el, renderXmlDocument, textEl } from "./xml-writer.ts";

export const OPML_PATH = "/sources.opml";

export function publicSources(sources: FeedSource[]): (FeedSource & { url: string })[] {
  return sources.filter((s): s is FeedSource & { url: string } => Boolean(s.url) && s.public !== false);
}

export function renderSourcesOpml(sources: FeedSource[], site: SiteConfig): string {
  const root = el(
    "opml",
    { version: "2.0" },
    el("head", {}, textEl("title", feedLine(site.title)), textEl("docs", "http://opml.org/spec2.opml"), textEl("ownerId", absoluteUrl("/", site))),
    el(
      "body",
      {},
      publicSources(sources).map((s) =>
        el("outline", { type: "rss", text: feedLine(s.name), title: feedLine(s.name), xmlUrl: s.url, language: s.lang }),
      ),
    ),
  );
  return renderXmlDocument(root);
}
