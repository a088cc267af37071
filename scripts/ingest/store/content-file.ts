// The text of a content file: YAML front matter (in schema order) and the Markdown body.
// js-yaml: the YAML library Eleventy reads front matter with (through gray-matter), and fast.
import yaml from "js-yaml";
import { itemFrontMatterSchema, type ItemFrontMatter } from "../item/schema.ts";

const KEY_ORDER: (keyof ItemFrontMatter)[] = [
  "id", "title", "slug", "date", "updated", "source", "link", "author", "lang",
  "topics", "image", "gallery", "summary", "flags",
];

export function renderContentFile(frontMatter: ItemFrontMatter, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (frontMatter[key] !== undefined) ordered[key] = frontMatter[key];
  return `---\n${yaml.dump(ordered, { lineWidth: -1, noRefs: true })}---\n\n${body.trim()}\n`;
}

export interface ParsedContentFile {
  frontMatter: ItemFrontMatter;
  body: string;
}

/** Parses and validates a content file; throws an Error naming the first problem. */
export function parseContentFile(text: string): ParsedContentFile {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error("no front matter block");
  const data = (yaml.load(match[1]) ?? {}) as Record<string, unknown>;
  // A person may write dates as YAML timestamps; the schema wants ISO strings.
  for (const key of ["date", "updated"]) if (data[key] instanceof Date) data[key] = (data[key] as Date).toISOString();
  const result = itemFrontMatterSchema.safeParse(data);
  if (!result.success) throw new Error(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return { frontMatter: result.data, body: match[2].trim() };
}

/** Validates front matter before it is written; throws an Error naming every problem. */
export function validateFrontMatter(frontMatter: ItemFrontMatter): ItemFrontMatter {
  const result = itemFrontMatterSchema.safeParse(frontMatter);
  if (!result.success) {
    throw new Error(`invalid item: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return result.data;
}
