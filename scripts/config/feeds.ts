// The source list (content/_data/feeds.json): read and validated in this one place.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "./paths.ts";

export const feedSourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "id must be lowercase ASCII letters, digits and -"),
    name: z.string().min(1),
    url: z.string().url().optional(),
    /** File or folder, relative to the project root. */
    path: z.string().min(1).optional(),
    /** Language of the source's items (zh-Hans, zh-Hant, en, ...); detected when absent. */
    lang: z.string().optional(),
    /** Topics every item of this source gets. */
    topics: z.array(z.string()).optional(),
    /** false: feeds re-export a summary instead of the full text. */
    fullText: z.boolean().optional(),
    /** Listed in /sources.opml (default true for url sources). */
    public: z.boolean().optional(),
  })
  .refine((s) => Boolean(s.url) !== Boolean(s.path), { message: "give exactly one of url or path" });

export type FeedSource = z.infer<typeof feedSourceSchema>;

export const feedsConfigSchema = z.array(feedSourceSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  for (const [i, s] of list.entries()) {
    if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `duplicate source id "${s.id}"` });
    seen.add(s.id);
  }
});

export async function loadFeedsConfig(file: string): Promise<FeedSource[]> {
  const data = await readJsonConfig(file);
  const parsed = feedsConfigSchema.safeParse(data);
  if (!parsed.success) throw new ConfigError(file, z.prettifyError(parsed.error));
  return parsed.data;
}

/** Where a source's inputs are: its URL, or its path resolved against the project root. */
export function sourceLocation(source: FeedSource, root = PROJECT_ROOT): string {
  return source.url ?? path.resolve(root, source.path!);
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "ConfigError";
  }
}

export async function readJsonConfig(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new ConfigError(file, `cannot read: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError(file, `not valid JSON: ${(err as Error).message}`);
  }
}
