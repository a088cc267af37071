// Small generated sites for the incremental-build tests: N synthetic items ingested into a temp
// content dir (remote images never fetched), and a byte-for-byte comparison of two output trees.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ingestInto, initContentDir } from "../../../scripts/bench/bench-content.ts";
import { archivePath, generateArchiveItems } from "../../../scripts/bench/generate-items.ts";
import { buildSite, type BuildResult } from "../../../scripts/site/build-site.ts";
import { tempDir } from "../../helpers/shared.ts";

export interface GeneratedSite {
  root: string;
  contentDir: string;
  /** Generated archive files; items [0, ingested) are in the content dir. */
  itemsDir: string;
}

export async function generatedSite(ingested: number, generated = ingested + 5): Promise<GeneratedSite> {
  const root = await tempDir("gazette-incremental-");
  const contentDir = path.join(root, "content");
  const itemsDir = path.join(root, "archive");
  await generateArchiveItems(itemsDir, generated, 7);
  await initContentDir(contentDir, path.join(root, "image-cache"));
  const report = await ingestInto(contentDir, Array.from({ length: ingested }, (_, i) => path.join(itemsDir, archivePath(i))));
  if (report.counts.failed) throw new Error(`${report.counts.failed} generated items failed to ingest`);
  return { root, contentDir, itemsDir };
}

/** Ingests generated item `index` into the site (an item that arrived overnight). */
export async function addItem(site: GeneratedSite, index: number): Promise<void> {
  const report = await ingestInto(site.contentDir, [path.join(site.itemsDir, archivePath(index))]);
  if (report.counts.new !== 1) throw new Error(`item ${index} was not added`);
}

export function build(site: GeneratedSite, outputDir: string, incremental = true): Promise<BuildResult> {
  return buildSite({ contentDir: site.contentDir, outputDir, quiet: true, incremental });
}

/** Relative path → bytes of every file under dir. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

/** The differences between two trees (missing, extra, differing files); empty when equal. */
export function treeDifferences(expectedDir: string, actualDir: string): string[] {
  const expected = readTree(expectedDir);
  const actual = readTree(actualDir);
  const out: string[] = [];
  for (const [rel, bytes] of expected) {
    const other = actual.get(rel);
    if (!other) out.push(`missing ${rel}`);
    else if (!other.equals(bytes)) out.push(`differs ${rel}`);
  }
  for (const rel of actual.keys()) if (!expected.has(rel)) out.push(`extra ${rel}`);
  return out;
}

/** The day pages (/YYYY/MM/DD/) a build's manifest lists. */
export function dayPages(dist: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(dist, ".gazette-build.json"), "utf8")) as { pages: Record<string, string> };
  return Object.keys(manifest.pages).filter((p) => /^\/\d{4}\/\d{2}\/\d{2}\/$/.test(p));
}
