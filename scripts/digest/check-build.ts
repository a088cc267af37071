// Checks a fresh build before it is published: the home page is there, the feeds are
// well-formed, and the number of items did not drop sharply (a sign of a broken source or rule).
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";

export interface BuildCheckOptions {
  /** Items the new build lists. */
  items: number;
  /** Items the published build listed (from its status.json), if any. */
  previousItems?: number;
  /** The largest allowed drop, as a fraction of the previous count (default 0.5). */
  maxItemDrop: number;
}

const XML_FEEDS = ["feed.xml", "atom.xml", "digest.xml"];
const JSON_FEEDS = ["feed.json", "digest.json"];

/** Returns the problems found; an empty list means the build may be published. */
export async function checkBuild(dir: string, options: BuildCheckOptions): Promise<string[]> {
  const problems: string[] = [];
  const home = path.join(dir, "index.html");
  if (!existsSync(home) || (await stat(home)).size < 200) problems.push("the home page (index.html) is missing or empty");
  for (const name of XML_FEEDS) {
    const file = path.join(dir, name);
    if (!existsSync(file)) continue;
    const result = XMLValidator.validate(await readFile(file, "utf8"));
    if (result !== true) problems.push(`${name} is not well-formed XML (line ${result.err.line}: ${result.err.msg})`);
  }
  for (const name of JSON_FEEDS) {
    const file = path.join(dir, name);
    if (!existsSync(file)) continue;
    try {
      JSON.parse(await readFile(file, "utf8"));
    } catch (err) {
      problems.push(`${name} is not valid JSON (${(err as Error).message})`);
    }
  }
  if (!existsSync(path.join(dir, "feed.xml"))) problems.push("the site feed (feed.xml) is missing");
  const { previousItems, items, maxItemDrop } = options;
  if (previousItems !== undefined && previousItems > 0 && items < previousItems * (1 - maxItemDrop)) {
    problems.push(
      `the site would list ${items} items, down from ${previousItems} (more than ${Math.round(maxItemDrop * 100)}% fewer); ` +
        `raise digest.maxItemDrop in site.json if this is intended`,
    );
  }
  return problems;
}

/** The item count a published build recorded in its status.json. */
export async function publishedItemCount(liveDir: string): Promise<number | undefined> {
  try {
    const status = JSON.parse(await readFile(path.join(liveDir, "status.json"), "utf8")) as { site?: { items?: number } };
    return typeof status.site?.items === "number" ? status.site.items : undefined;
  } catch {
    return undefined;
  }
}
