// What the pages know about an image src, from the manifest the images stage wrote: served from
// our own img/ folder (with its derivatives), kept at its remote URL, or dropped.
import { planDerivatives, type Derivative } from "./derivatives.ts";
import { classifyImageSource, imageKey } from "./image-source.ts";
import { readManifest, type ImageFacts, type ManifestEntry } from "./image-manifest.ts";
import { imageSettings, type ImageSettings } from "./image-settings.ts";
import type { SiteConfig } from "../site/site-config.ts";

export type ServedImage =
  | { kind: "local"; facts: ImageFacts; derivatives: Derivative[]; formats: Derivative["format"][] }
  | { kind: "remote"; url: string };

export class ImageCatalog {
  #settings?: ImageSettings;
  #manifest = new Map<string, ManifestEntry>();
  readonly #resolved = new Map<string, ServedImage | null>();

  /** Reads the manifest; called before every (re)build. */
  load(site: SiteConfig): void {
    this.#settings = imageSettings(site);
    this.#manifest = readManifest(this.#settings.cache);
    this.#resolved.clear();
  }

  /** How to show `src`, or null when it must not be shown. */
  resolve(src: unknown): ServedImage | null {
    const key = imageKey(src);
    if (!key || !this.#settings) return null;
    let served = this.#resolved.get(key);
    if (served === undefined) this.#resolved.set(key, (served = this.#resolveKey(key, this.#settings)));
    return served;
  }

  #resolveKey(key: string, settings: ImageSettings): ServedImage | null {
    const source = classifyImageSource(key, settings);
    if (!source || source.kind === "refused") return null;
    const entry = this.#manifest.get(key);
    if (entry?.ok) return { kind: "local", facts: entry, derivatives: planDerivatives(entry, settings.widths, settings.formats), formats: settings.formats };
    // Not (yet) in the cache: a remote image stays remote unless its bytes were refused;
    // a local file that never reached the cache has nothing to point at.
    if (source.kind === "remote" && !(entry && entry.refused)) return { kind: "remote", url: source.url.href };
    return null;
  }
}
