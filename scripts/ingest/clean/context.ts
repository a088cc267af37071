// The state every cleaning rule shares: the document parsed once, the raw item, and the output
// being built. A rule is a small function that reads and edits this context, nothing else.
import type { Document } from "domhandler";
import type { RawItem } from "../raw-item.ts";
import type { CleanedItem } from "./cleaned-item.ts";

export interface CleanContext {
  /** The body, parsed once (domhandler nodes, as htmlparser2 builds them). */
  root: Document;
  raw: RawItem;
  /** The output being built; `html` is filled in after the rules have run. */
  out: CleanedItem;
  /** Page URL that relative links resolve against (baseUrl, else link); absent when unknown. */
  pageBase?: URL;
  /** file:// URL that relative image paths resolve against; only for items read from local files. */
  assetBase?: URL;
  /** Counts of what the rules removed or rewrote, turned into `notes` at the end. */
  counts: Map<string, number>;
}

export type CleanRule = (ctx: CleanContext) => void;

/** Record `n` occurrences of something a rule did (e.g. "removed share block"). */
export function count(ctx: CleanContext, what: string, n = 1): void {
  if (n > 0) ctx.counts.set(what, (ctx.counts.get(what) ?? 0) + n);
}

export function countsToNotes(counts: Map<string, number>): string[] {
  return [...counts].map(([what, n]) => (n === 1 ? what : `${what} ×${n}`));
}
