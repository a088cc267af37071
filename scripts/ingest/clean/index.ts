// The clean stage: parse the item's HTML once, run the rules in order on the shared tree, then
// serialize and sanitize with the allow-list. Never throws: a rule that fails on hostile input
// is skipped with a note, and the sanitizer still runs on whatever the tree holds.
import type { Document } from "domhandler";
import type { RawItem } from "../raw-item.ts";
import type { CleanedItem } from "./cleaned-item.ts";
import { countsToNotes, type CleanContext, type CleanRule } from "./context.ts";
import { leadText } from "./lead-text.ts";
import { parseBody, serializeBody } from "./parse.ts";
import { dropAds } from "./rules/drop-ads.ts";
import { dropComments } from "./rules/drop-comments.ts";
import { dropCustomElements } from "./rules/drop-custom-elements.ts";
import { dropDecorativeImages } from "./rules/drop-decorative-images.ts";
import { dropEmptyBlocks } from "./rules/drop-empty-blocks.ts";
import { dropFeedFooter } from "./rules/drop-feed-footer.ts";
import { dropShareBlocks } from "./rules/drop-share-blocks.ts";
import { extractByline } from "./rules/extract-byline.ts";
import { extractFigureGallery } from "./rules/extract-figure-gallery.ts";
import { extractLeadImage } from "./rules/extract-lead-image.ts";
import { extractTitledGallery } from "./rules/extract-titled-gallery.ts";
import { extractTopics } from "./rules/extract-topics.ts";
import { flattenContainers } from "./rules/flatten-containers.ts";
import { normalizeFigures } from "./rules/normalize-figures.ts";
import { replaceEmbeds } from "./rules/replace-embeds.ts";
import { resolveLazyImages } from "./rules/resolve-lazy-images.ts";
import { resolveUrls } from "./rules/resolve-urls.ts";
import { unwrapImageProxies } from "./rules/unwrap-image-proxies.ts";
import { sanitizeBody } from "./sanitize.ts";

// Order matters: boilerplate goes first, then images and URLs are made real, then the facts
// are lifted out (byline before the lead image it precedes), then the layout is flattened.
export const rules: CleanRule[] = [
  dropComments,
  dropFeedFooter,
  dropShareBlocks,
  dropAds,
  dropCustomElements,
  unwrapImageProxies,
  replaceEmbeds,
  resolveLazyImages,
  dropDecorativeImages,
  resolveUrls,
  extractByline,
  extractTopics,
  extractTitledGallery,
  normalizeFigures,
  extractLeadImage,
  extractFigureGallery,
  flattenContainers,
  dropEmptyBlocks,
];

export function cleanItem(raw: RawItem): CleanedItem {
  const out: CleanedItem = { html: "", leadText: "", topics: [], notes: [] };
  const assetBase = localAssetBase(raw);
  let html: string;
  let tree: Document | undefined;
  const counts = new Map<string, number>();
  try {
    const ctx: CleanContext = { root: parseBody(raw.html ?? ""), raw, out, pageBase: toUrl(raw.baseUrl ?? raw.link), assetBase, counts };
    for (const rule of rules) {
      try {
        rule(ctx);
      } catch (err) {
        out.notes.push(`clean rule ${rule.name} failed: ${(err as Error).message}`);
      }
    }
    html = serializeBody(ctx.root);
    tree = ctx.root;
  } catch (err) {
    // Even the parse or serialization gave up (absurd nesting): the sanitizer alone still runs.
    out.notes.push(`cleaning skipped: ${(err as Error).message}`);
    html = raw.html ?? "";
  }
  const sanitized = sanitizeBody(html, { allowFileImages: !!assetBase });
  out.html = sanitized.html.trim();
  // From the cleaned tree, which has the sanitized body's text; if cleaning gave up, from that body.
  out.leadText = leadText(tree ?? parseBody(out.html));
  out.notes.push(...countsToNotes(counts), ...sanitized.notes);
  return out;
}

function toUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** file:// base for image paths, only for items that really came from a local file. */
function localAssetBase(raw: RawItem): URL | undefined {
  if (!raw.assetBase || /^https?:/i.test(raw.input)) return undefined;
  try {
    const url = new URL(raw.assetBase);
    return url.protocol === "file:" ? url : undefined;
  } catch {
    return undefined;
  }
}
