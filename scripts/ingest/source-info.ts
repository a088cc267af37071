// Which source an item belongs to: the configured source, the --source flag, or one derived
// from the feed (its title) and the link's host (its id).
import type { SourceInfo } from "./item/build-item.ts";
import { slugify } from "./item/slug.ts";
import type { RawItem } from "./raw-item.ts";

export function deriveSource(raw: RawItem, forcedId?: string): SourceInfo {
  const host = hostOf(raw.feed?.link) ?? hostOf(raw.link) ?? hostOf(raw.input);
  const id = forcedId ?? (host ? slugify(host.replace(/^www\./, "").replace(/\.[a-z]+$/, "")) : "") ?? "";
  const name = raw.feed?.title?.trim() || host?.replace(/^www\./, "") || forcedId || "local";
  return { id: id || "local", name };
}

function hostOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:/i.test(url)) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
