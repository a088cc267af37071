// The images stage, run by buildSite before Eleventy (and usable on its own by the digest):
// every image the content names is brought into the cache once, its responsive derivatives are
// encoded once, and those a site needs are linked into <output>/img/. Nothing here fails a build:
// a failed image is reported and the pages keep its remote URL, or drop it when it is unsafe.
import path from "node:path";
import pLimit from "p-limit";
import { contentPaths } from "../config/paths.ts";
import { loadSiteConfig, type SiteConfig } from "../site/site-config.ts";
import { acquireImage, type AcquireContext } from "./acquire-image.ts";
import { collectImageRefs, type ImageRef } from "./collect-image-refs.ts";
import { ensureDerivatives, planDerivatives, publishDerivatives } from "./derivatives.ts";
import { HostLimiter } from "./host-limiter.ts";
import { classifyImageSource, imageKey } from "./image-source.ts";
import { readManifest, saveManifest, type ManifestEntry } from "./image-manifest.ts";
import { imageSettings } from "./image-settings.ts";

export interface FetchImagesOptions {
  contentDir: string;
  /** Site output folder: derivatives are linked into `<outputDir>/img/`. Omit to only fill the cache. */
  outputDir?: string;
  /** Site config; read from the content dir when omitted. */
  site?: SiteConfig;
  /** The content's image references, when the caller already has them (buildSite caches them per file). */
  refs?: { refs: ImageRef[]; warnings: string[] };
  /** Retry tuning (tests shorten the backoff). */
  retries?: number;
  retryBaseMs?: number;
}

export interface FailedImage {
  src: string;
  /** Content files naming it. */
  items: string[];
  reason: string;
  /** What the pages do with it. */
  action: "kept remote" | "dropped";
}

export interface ImageStageReport {
  /** Distinct images named by the content. */
  images: number;
  /** Requests made this run (remote images not yet cached, or due for a retry). */
  fetched: number;
  /** Derivative files encoded this run, and found already encoded. */
  encoded: number;
  reused: number;
  failed: FailedImage[];
  warnings: string[];
}

export async function fetchImages(options: FetchImagesOptions): Promise<ImageStageReport> {
  const paths = contentPaths(options.contentDir);
  const site = options.site ?? loadSiteConfig(paths.siteConfig);
  const settings = imageSettings(site);
  const { refs, warnings } = options.refs ?? collectImageRefs(paths.root, paths.itemIndex);

  const itemsByKey = new Map<string, { src: string; items: Set<string> }>();
  const failed: FailedImage[] = [];
  for (const ref of refs) {
    const key = imageKey(ref.src);
    if (!key) {
      failed.push({ src: ref.src, items: [ref.item], reason: "not a URL", action: "dropped" });
      continue;
    }
    const seen = itemsByKey.get(key) ?? { src: ref.src, items: new Set<string>() };
    seen.items.add(ref.item);
    itemsByKey.set(key, seen);
  }

  const manifest = readManifest(settings.cache);
  const updates = new Map<string, ManifestEntry>();
  const ctx: AcquireContext = { settings, limiter: new HostLimiter(2), retries: options.retries, retryBaseMs: options.retryBaseMs, now: Date.now() };
  const overall = pLimit(8);
  let fetched = 0;
  const entries = new Map<string, ManifestEntry>();
  await Promise.all(
    [...itemsByKey.keys()].map((key) =>
      overall(async () => {
        const source = classifyImageSource(key, settings);
        if (!source) return;
        const result = await acquireImage(source, manifest.get(key), ctx);
        if (result.fetched) fetched++;
        if (result.changed) updates.set(key, result.entry);
        entries.set(key, result.entry);
      }),
    ),
  );

  // Derivatives: sharp already uses several threads per image, so two images at a time.
  const encodeLimit = pLimit(2);
  const names = new Set<string>();
  let encoded = 0;
  let reused = 0;
  await Promise.all(
    [...entries].map(([key, entry]) =>
      encodeLimit(async () => {
        if (!entry.ok) return;
        const plan = planDerivatives(entry, settings.widths, settings.formats);
        try {
          const counts = await ensureDerivatives(settings.cache, entry, plan, settings.maxPixels);
          encoded += counts.encoded;
          reused += counts.reused;
          for (const d of plan) names.add(d.name);
        } catch (error) {
          const broken: ManifestEntry = { ok: false, error: `encoding failed: ${(error as Error).message}`, refused: true, at: new Date().toISOString() };
          updates.set(key, broken);
          entries.set(key, broken);
        }
      }),
    ),
  );
  saveManifest(settings.cache, updates);
  if (options.outputDir) publishDerivatives(settings.cache, [...names].sort(), path.join(options.outputDir, "img"));

  for (const [key, entry] of entries) {
    if (entry.ok) continue;
    const seen = itemsByKey.get(key)!;
    const remote = /^https?:/.test(key);
    failed.push({ src: seen.src, items: [...seen.items].sort(), reason: entry.error, action: remote && !entry.refused ? "kept remote" : "dropped" });
  }
  return { images: itemsByKey.size, fetched, encoded, reused, failed, warnings };
}

/** The build's one-line summary, e.g. `images: 0 encoded, 18 reused`. */
export function imageSummaryLine(report: ImageStageReport): string {
  const failed = report.failed.length ? `, ${report.failed.length} failed` : "";
  return `images: ${report.encoded} encoded, ${report.reused} reused (${report.images} images, ${report.fetched} fetched${failed})`;
}
