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
  search: z
    .object({
      /** Index whole article text; costly on Chinese (see DESIGN.md), so off by default. */
      fullText: z.boolean().default(false),
    })
    .default({ fullText: false }),
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
