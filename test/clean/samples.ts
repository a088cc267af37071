// Reading the shared real samples for the clean-stage tests (skips when they are absent).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { readArchive } from "../../scripts/ingest/readers/archive.ts";
import type { RawItem } from "../../scripts/ingest/raw-item.ts";
import { SEED, SHARED_SAMPLES } from "../helpers/shared.ts";

export { requireShared, SEED, SHARED_SAMPLES } from "../helpers/shared.ts";
export const ITEMS = path.join(SHARED_SAMPLES, "items");

/** One sample by "site/id" (e.g. "dw/1025000"), or the seed for "seed". */
export function sample(name: string): RawItem {
  const file = name === "seed" ? SEED : path.join(ITEMS, `${name}.md`);
  return readArchive(readFileSync(file, "utf8"), file)[0];
}

/** Every sample item as [site/id, raw item]. */
export function allSamples(): Array<[string, RawItem]> {
  const out: Array<[string, RawItem]> = [["seed", sample("seed")]];
  for (const site of readdirSync(ITEMS, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(path.join(ITEMS, site.name)).filter((f) => f.endsWith(".md"))) {
      const name = `${site.name}/${file.replace(/\.md$/, "")}`;
      out.push([name, sample(name)]);
    }
  }
  return out;
}
