// content/_data/site.json: the one home of site settings, validated so a bad value fails the
// build early with a message naming the file and the field.
import { readFileSync } from "node:fs";
import { IANAZone } from "luxon";
import { z } from "zod";

export const SUPPORTED_LANGS = ["zh-Hans", "zh-Hant", "en"] as const;

export const siteConfigSchema = z.object({
  title: z.string().min(1),
  description: z.string().default(""),
  /** Absolute base URL; only feeds, the sitemap and canonical/OG metadata use it. */
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), "url must be http(s)")
    .transform((u) => u.replace(/\/+$/, "")),
  /** Sub-path the site is published under, e.g. "/digest/". */
  pathPrefix: z
    .string()
    .default("/")
    .refine((p) => p.startsWith("/"), "pathPrefix must start with /")
    .transform((p) => (p.endsWith("/") ? p : `${p}/`)),
  lang: z.enum(SUPPORTED_LANGS).default("zh-Hans"),
  timezone: z
    .string()
    .default("Asia/Shanghai")
    .refine((tz) => IANAZone.isValidZone(tz), "timezone must be an IANA zone such as Asia/Shanghai"),
  itemsPerPage: z.number().int().min(1).max(500).default(20),
  /** How many earlier days the home page links to. */
  homeRecentDays: z.number().int().min(0).max(365).default(14),
  /** Days shown in a topic's sparkline. */
  sparklineDays: z.number().int().min(2).max(365).default(30),
  relatedItems: z.number().int().min(0).max(20).default(5),
  feedItems: z.number().int().min(1).max(500).default(50),
  /** Items older than this many days leave the pages and feeds (their files stay); 0 keeps all. */
  retentionDays: z.number().int().min(0).default(0),
  /** The nightly digest's publish check. */
  digest: z
    .object({
      /** The largest drop in listed items, as a fraction, that may still be published. */
      maxItemDrop: z.number().min(0).max(1).default(0.5),
    })
    .prefault({}),
  search: z
    .object({
      /** Index whole article text; costly on Chinese (see DESIGN.md), so off by default. */
      fullText: z.boolean().default(false),
    })
    .default({ fullText: false }),
  /** The images stage (scripts/images/): fetch limits, responsive widths and formats. */
  images: z
    .object({
      /** Lets items name images on loopback/private hosts; only for tests and closed networks. */
      allowPrivateHosts: z.boolean().default(false),
      /** false: remote images are never downloaded; pages keep their remote URLs (offline builds). */
      fetchRemote: z.boolean().default(true),
      /** Derivative widths; an original narrower than the largest adds its own width. */
      widths: z.array(z.number().int().min(16).max(8192)).min(1).default([320, 640, 960, 1280, 1920]),
      /** Encoded formats; the last is the <img> fallback (AVIF is slow to encode). */
      formats: z.array(z.enum(["avif", "webp", "jpeg"])).min(1).default(["webp", "jpeg"]),
      maxBytes: z.number().int().min(1024).default(20 * 1024 * 1024),
      timeoutMs: z.number().int().min(100).default(15_000),
      /** Decompression-bomb guard: larger images are refused before decoding. */
      maxPixels: z.number().int().min(1).default(50_000_000),
      /** Folders (relative to the project root) file:// images may come from; nothing else. */
      localRoots: z.array(z.string().min(1)).default(["samples"]),
      /** Image cache (originals, derivatives, manifest); relative to the project root. */
      cacheDir: z.string().min(1).default(".cache/images"),
    })
    .prefault({}),
});

export type SiteConfig = z.output<typeof siteConfigSchema>;
export type SiteConfigInput = z.input<typeof siteConfigSchema>;

export class SiteConfigError extends Error {
  constructor(file: string, detail: string) {
    super(`Invalid site config ${file}:\n${detail}`);
    this.name = "SiteConfigError";
  }
}

export function parseSiteConfig(value: unknown, file = "site.json"): SiteConfig {
  const parsed = siteConfigSchema.safeParse(value);
  if (!parsed.success) throw new SiteConfigError(file, z.prettifyError(parsed.error));
  return parsed.data;
}

export function loadSiteConfig(file: string): SiteConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SiteConfigError(file, (error as Error).message);
  }
  return parseSiteConfig(raw, file);
}
