// Render keys: a page may be kept from the previous build only when everything it is rendered
// from is unchanged. The global key covers what every page shares (layouts and assets, the
// build code and packages, the site's data files); an article's key covers its content file,
// its place in the model (URL, topics), its neighbours, its related items and its images.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../config/paths.ts";
import type { ImageCatalog } from "../../images/image-catalog.ts";
import { LAYOUTS_DIR } from "../eleventy-setup.ts";
import type { ItemView, SiteModel } from "../site-model.ts";
import type { SiteState } from "../site-state.ts";
import type { FileFacts } from "./content-facts.ts";
import { itemKeyHash } from "./item-key.ts";
import { relatedIndex } from "./related-index.ts";

/** Bump when the build's own logic changes in a way the hashed code would not show. */
const KEY_VERSION = 1;

/** Folders and files whose change means every page must be rendered again: the layouts and
 * assets, the build code and the packages it runs on. */
export const SHARED_INPUTS = [LAYOUTS_DIR, ...["scripts", ".eleventy.js", "package.json", "package-lock.json"].map((p) => path.join(PROJECT_ROOT, p))];

export function globalRenderKey(state: SiteState, globalData: Record<string, unknown>, sharedInputs = SHARED_INPUTS): string {
  const hash = createHash("sha256");
  hash.update(`gazette-render-key ${KEY_VERSION} ${process.version}\n`);
  for (const input of sharedInputs) hashTree(hash, input);
  // Every data file except the item index, whose records reach articles through their own keys.
  // Named by file name only: the same content in another folder renders the same pages.
  for (const name of listFiles(state.paths.data)) {
    const file = path.join(state.paths.data, name);
    if (file === state.paths.itemIndex) continue;
    hash.update(`data file ${name}\n`);
    hash.update(readFileSync(file));
  }
  // Extra global data (the digest's run status) reaches an article only when a layout names it.
  const layoutText = articleLayoutsText();
  for (const [name, value] of Object.entries(globalData).sort(([a], [b]) => (a < b ? -1 : 1))) {
    hash.update(`data ${name}\n`);
    if (layoutText.includes(name)) hash.update(`${JSON.stringify(value)}\n`);
  }
  return hash.digest("hex");
}

export interface ArticleKeyInput {
  model: SiteModel;
  relatedLimit: number;
  files: Map<string, FileFacts>;
  images: Pick<ImageCatalog, "resolve">;
}

/** The key of one article page, or undefined when it cannot be kept (its file is unreadable). */
export function articleRenderKey(item: ItemView, input: ArticleKeyInput): string | undefined {
  const facts = input.files.get(item.path);
  if (!facts || facts.error) return undefined;
  const index = relatedIndex(input.model);
  const { previous, next } = index.neighbours(item);
  const link = (other: ItemView | undefined) => other && { url: other.url, title: other.title };
  const parts = {
    file: facts.hash,
    previous: link(previous),
    next: link(next),
    related: index.related(item, input.relatedLimit).map((r) => ({ url: r.url, title: r.title, source: r.source.name, date: r.date })),
    images: facts.images.map((src) => [src, input.images.resolve(src)]),
  };
  return createHash("sha256").update(`${itemKeyHash(item)}\n${JSON.stringify(parts)}`).digest("hex");
}

function hashTree(hash: ReturnType<typeof createHash>, target: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    hash.update(`missing ${path.relative(PROJECT_ROOT, target)}\n`);
    return;
  }
  if (!isDir) return hashFile(hash, target);
  for (const name of listFiles(target)) hashTree(hash, path.join(target, name));
}

function hashFile(hash: ReturnType<typeof createHash>, file: string): void {
  hash.update(`file ${path.relative(PROJECT_ROOT, file)}\n`);
  hash.update(readFileSync(file));
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => n !== "node_modules" && !n.startsWith(".")).sort();
  } catch {
    return [];
  }
}

/** The text of the templates an article page is made of (everything but the listing pages). */
function articleLayoutsText(): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of listFiles(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (full !== path.join(LAYOUTS_DIR, "pages")) walk(full);
      } else if (name.endsWith(".njk")) out.push(readFileSync(full, "utf8"));
    }
  };
  walk(LAYOUTS_DIR);
  return out.join("\n");
}
