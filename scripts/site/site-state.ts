// What one build knows about the site: config, the model from the item index, the CSS.
// Reloaded before every (re)build so --serve picks up changed data.
import { existsSync, readFileSync } from "node:fs";
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

  constructor(
    contentDir: string,
    readonly assetsDir: string,
  ) {
    this.paths = contentPaths(contentDir);
  }

  /** `warn: false` leaves the model's warnings unprinted (a second state of the same build). */
  async load(options: { warn?: boolean } = {}): Promise<void> {
    this.site = loadSiteConfig(this.paths.siteConfig);
    const { kept, retired } = applyRetention(readIndex(this.paths.itemIndex), retentionCutoff(this.site));
    this.retired = retired;
    const rules = await loadTopicRules(this.paths.topicsConfig);
    this.model = buildSiteModel(kept, this.site, rules);
    if (options.warn !== false) for (const warning of this.model.warnings) console.warn(`[gazette] ${warning}`);
    this.css = await loadSiteCss(this.assetsDir);
  }
}

function readIndex(file: string): unknown[] {
  if (!existsSync(file)) return [];
  const data: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(data)) throw new Error(`${file}: the item index must be a JSON array`);
  return data;
}
