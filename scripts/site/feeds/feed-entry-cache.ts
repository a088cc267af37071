// Feed entries carried from one build to the next. Each feed lists the latest entries of its
// topic or source, so a nightly build would render ~1,000 item bodies again for the sake of the
// hundred that are new. An entry is kept while its key (the item's record, its content file and
// the images it resolves to) and the build's global key (site config, build code) are unchanged.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ItemView } from "../site-model.ts";
import type { FeedEntry } from "./feed-model.ts";

export const FEED_ENTRIES_NAME = ".gazette-feed-entries.json";

/** The key of an item's entry, or undefined when it cannot be carried over. */
export type EntryKeyOf = (item: ItemView) => string | undefined;

interface EntriesFile {
  globalKey: string;
  entries: Record<string, FeedEntry>;
}

export class FeedEntryCache {
  readonly #previous: Map<string, FeedEntry>;
  readonly #used = new Map<string, FeedEntry>();
  reused = 0;

  constructor(
    readonly keyOf: EntryKeyOf,
    previous: Record<string, FeedEntry> = {},
  ) {
    this.#previous = new Map(Object.entries(previous));
  }

  /** The entries a previous build in `dir` wrote with the same global key (else none). */
  static read(dir: string | undefined, globalKey: string, keyOf: EntryKeyOf): FeedEntryCache {
    const file = dir && path.join(dir, FEED_ENTRIES_NAME);
    if (!file || !existsSync(file)) return new FeedEntryCache(keyOf);
    try {
      const data = JSON.parse(readFileSync(file, "utf8")) as Partial<EntriesFile>;
      const entries = data.globalKey === globalKey && typeof data.entries === "object" && data.entries ? data.entries : {};
      return new FeedEntryCache(keyOf, entries);
    } catch {
      // A damaged file only costs rendering the entries again.
      return new FeedEntryCache(keyOf);
    }
  }

  entry(item: ItemView, build: () => FeedEntry): FeedEntry {
    const key = this.keyOf(item);
    if (!key) return build();
    let entry = this.#previous.get(key);
    if (entry) this.reused++;
    else entry = build();
    this.#used.set(key, entry);
    return entry;
  }

  /** Writes the entries this build used, for the next one. */
  write(dir: string, globalKey: string): void {
    const data: EntriesFile = { globalKey, entries: Object.fromEntries(this.#used) };
    writeFileSync(path.join(dir, FEED_ENTRIES_NAME), `${JSON.stringify(data)}\n`);
  }
}
