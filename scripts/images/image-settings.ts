// The images section of site.json turned into what the stage and the pages use: absolute
// folders, the address policy and the User-Agent.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config/paths.ts";
import type { SiteConfig } from "../site/site-config.ts";
import { isPublicAddress } from "./address-policy.ts";
import type { OutputFormat } from "./derivatives.ts";
import { cacheLayout, type CacheLayout } from "./image-manifest.ts";
import type { SourcePolicy } from "./image-source.ts";

export interface ImageSettings extends SourcePolicy {
  fetchRemote: boolean;
  cache: CacheLayout;
  widths: number[];
  formats: OutputFormat[];
  maxBytes: number;
  timeoutMs: number;
  maxPixels: number;
  userAgent: string;
  isAllowedAddress: (address: string) => boolean;
}

export function imageSettings(site: SiteConfig, projectRoot = PROJECT_ROOT): ImageSettings {
  const images = site.images;
  return {
    allowPrivateHosts: images.allowPrivateHosts,
    fetchRemote: images.fetchRemote,
    localRoots: images.localRoots.map((root) => path.resolve(projectRoot, root)),
    cache: cacheLayout(path.resolve(projectRoot, images.cacheDir)),
    widths: images.widths,
    formats: images.formats,
    maxBytes: images.maxBytes,
    timeoutMs: images.timeoutMs,
    maxPixels: images.maxPixels,
    userAgent: `Gazette/${projectVersion(projectRoot)} (+${site.url})`,
    isAllowedAddress: images.allowPrivateHosts ? () => true : isPublicAddress,
  };
}

function projectVersion(projectRoot: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { version?: string }).version ?? "0";
  } catch {
    return "0";
  }
}
