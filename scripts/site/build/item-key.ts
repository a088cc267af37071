// The part of render keys every page that shows an item shares: the hash of its record.
import { createHash } from "node:crypto";
import type { ItemView } from "../site-model.ts";

const itemHashes = new WeakMap<ItemView, string>();

/**
 * The sha256 of an item's record, as it goes into render keys, made once per build: an item is
 * in its own article's key and in those of the several listing pages that show it (about 60,000
 * times at 10,000 items; serializing and hashing its record each time was half the plan's time).
 */
export function itemKeyHash(item: ItemView): string {
  let hash = itemHashes.get(item);
  if (hash === undefined) itemHashes.set(item, (hash = createHash("sha256").update(JSON.stringify(item)).digest("hex")));
  return hash;
}
