// The data model: front matter of one content file, and one record of the item index.
// Validated before anything is written, so a bad item fails loudly and names itself.
import { z } from "zod";

const url = z.string().url();
/** Image src: absolute http(s) URL, or a site-relative path to a bundled/local image. */
const imageSrc = z.string().min(1);

export const imageSchema = z.object({
  src: imageSrc,
  caption: z.string().optional(),
  /** Photographer or agency, when the source names one. */
  credit: z.string().optional(),
});

export const gallerySchema = z.object({
  title: z.string().optional(),
  images: z
    .array(z.object({ src: imageSrc, title: z.string().optional(), caption: z.string().optional(), credit: z.string().optional() }))
    .min(1),
});

export const sourceRefSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "source id must be lowercase ASCII"),
  name: z.string().min(1),
});

export const itemFrontMatterSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug must be lowercase ASCII words joined by -"),
  /** ISO 8601 UTC. */
  date: z.string().datetime({ offset: true }),
  /** Set when a later ingest changed the item. */
  updated: z.string().datetime({ offset: true }).optional(),
  source: sourceRefSchema,
  link: url.optional(),
  author: z.string().optional(),
  lang: z.string().min(2),
  topics: z.array(z.string().min(1)),
  image: imageSchema.optional(),
  gallery: gallerySchema.optional(),
  summary: z.string(),
  /** Review flags: missing-date, future-date, missing-title, missing-link. */
  flags: z.array(z.string()).optional(),
});

export type ItemFrontMatter = z.infer<typeof itemFrontMatterSchema>;

/** One record of the item index (content/_data/itemIndex.json): what listings and feeds need. */
export const indexRecordSchema = z.object({
  id: z.string(),
  /** Identity key the item is matched on across runs and sources (see item/identity.ts). */
  key: z.string(),
  title: z.string(),
  slug: z.string(),
  date: z.string(),
  updated: z.string().optional(),
  source: sourceRefSchema,
  link: z.string().optional(),
  author: z.string().optional(),
  lang: z.string(),
  topics: z.array(z.string()),
  summary: z.string(),
  image: imageSchema.optional(),
  gallerySize: z.number().int().nonnegative(),
  /** Content file path relative to the content dir, e.g. items/2023/09/slug.md. */
  path: z.string(),
  /** sha256 of the content file as the ingest wrote it (detects hand edits). */
  hash: z.string(),
  /** sha256 of the raw input record (detects changed items). */
  rawHash: z.string(),
});

export type IndexRecord = z.infer<typeof indexRecordSchema>;
