// What one build knows about the site: config, the model from the item index, the CSS.
// Reloaded before every (re)build so --serve picks up changed data.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { loadTopicRules } from "../config/topics.ts";
import { contentPaths, type ContentPaths } from "../config/paths.ts";
import { applyRetention, retentionCutoff } from "./retention.ts";
import { buildSiteModel, type SiteModel } from "./site-model.ts";
import { loadSiteCss, type SiteCss } from "./site-css.ts";
import { loadSiteConfig, type SiteConfig } from "./site-config.ts";

export class SiteState {
  readonly paths: ContentPaths;
  site!: SiteConfig;
  model!: SiteModel;
  css!: SiteCss;
  /** Content paths of items past the retention period: no page of their own, in no listing. */
  retired = new Set<string>();
  /** The item index as read (before retention), and the size and mtime of the file it came from. */
  #index?: { records: unknown[]; stamp: string };

  constructor(
    contentDir: string,
    readonly assetsDir: string,
  ) {
    this.paths = contentPaths(contentDir);
  }

  /** `warn: false` leaves the model's warnings unprinted (a second state of the same build). */
  async load(options: { warn?: boolean } = {}): Promise<void> {
    this.site = loadSiteConfig(this.paths.siteConfig);
    // No index file (a site with no items yet) is an empty index.
    const stamp = fileStamp(this.paths.itemIndex);
    const records = stamp === undefined ? [] : readIndex(this.paths.itemIndex);
    this.#index = stamp === undefined ? undefined : { records, stamp };
    const { kept, retired } = applyRetention(records, retentionCutoff(this.site));
    this.retired = retired;
    const rules = await loadTopicRules(this.paths.topicsConfig);
    this.model = buildSiteModel(kept, this.site, rules);
    if (options.warn !== false) for (const warning of this.model.warnings) console.warn(`[gazette] ${warning}`);
    this.css = await loadSiteCss(this.assetsDir);
  }

  /**
   * The item index as Eleventy would parse it for its global data, when the file is still the one
   * this state read; else undefined. Parsing it again costs every Eleventy run of a large build
   * a read and a parse of tens of MB, and a second copy of every record in its heap.
   */
  indexAsRead(file: string): unknown[] | undefined {
    if (!this.#index || path.resolve(file) !== path.resolve(this.paths.itemIndex)) return undefined;
    return fileStamp(file) === this.#index.stamp ? this.#index.records : undefined;
  }
}

/** Size and modification time of a file, or undefined when it is not there. */
function fileStamp(file: string): string | undefined {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.size}:${stat.mtimeNs}`;
  } catch {
    return undefined;
  }
}

function readIndex(file: string): unknown[] {
  const data: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(data)) throw new Error(`${file}: the item index must be a JSON array`);
  return data;
}
