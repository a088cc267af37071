// Writes a small content dir whose items name images by URL (lead, gallery, Markdown body), the
// way the ingest lays content out, so tests can run the real images stage and site build on it.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";

export interface ImageItem {
  slug: string;
  date: string;
  lead?: string;
  gallery?: string[];
  bodyImages?: string[];
}

export function writeImageContent(contentDir: string, items: ImageItem[], images: Record<string, unknown>): void {
  const data = path.join(contentDir, "_data");
  mkdirSync(data, { recursive: true });
  const index = items.map((item, n) => {
    const frontMatter = {
      id: `pics-${n}`,
      title: `Picture story ${n}`,
      slug: item.slug,
      date: item.date,
      source: { id: "pics", name: "Pictures" },
      lang: "en",
      topics: ["photos"],
      ...(item.lead ? { image: { src: item.lead, caption: `Lead of ${n}` } } : {}),
      ...(item.gallery ? { gallery: { title: "Views", images: item.gallery.map((src, i) => ({ src, title: `View ${i + 1}`, caption: `Caption ${i + 1}` })) } } : {}),
      summary: "A story told in pictures.",
    };
    const body = ["Some words first.", ...(item.bodyImages ?? []).map((src, i) => `![Body picture ${i + 1}](${src})`), "Some words after."].join("\n\n");
    const text = `---\n${yaml.dump(frontMatter)}---\n\n${body}\n`;
    const rel = `items/${item.date.slice(0, 4)}/${item.date.slice(5, 7)}/${item.slug}.md`;
    mkdirSync(path.dirname(path.join(contentDir, rel)), { recursive: true });
    writeFileSync(path.join(contentDir, rel), text);
    const { image } = frontMatter as { image?: unknown };
    return {
      ...frontMatter,
      key: `guid:${frontMatter.id}`,
      image,
      gallery: undefined,
      gallerySize: item.gallery?.length ?? 0,
      path: rel,
      hash: createHash("sha256").update(text).digest("hex"),
      rawHash: frontMatter.id,
    };
  });
  writeFileSync(path.join(data, "itemIndex.json"), JSON.stringify(index, null, 1));
  writeFileSync(path.join(data, "site.json"), JSON.stringify({ title: "Pictures", url: "https://pictures.example.net", lang: "en", timezone: "UTC", images }, null, 1));
}
