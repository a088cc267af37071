// URL slugs for topic names: the configured slug when topics.json names one, else pinyin/ASCII.
// Collisions (two names with the same pinyin) are settled so that each slug stays stable as
// content grows: the topic seen first keeps the plain slug, later ones get a suffix derived from
// their own name, not from how many others collided.
import { shortHash, slugify } from "../ingest/item/slug.ts";

export interface TopicSlugInput {
  name: string;
  /** ISO date of the topic's earliest item; orders collisions. */
  firstSeen: string;
}

export interface TopicSlugRule {
  name: string;
  slug?: string;
}

export function assignTopicSlugs(topics: TopicSlugInput[], rules: TopicSlugRule[] = []): Map<string, string> {
  const configured = new Map(rules.filter((r) => r.slug).map((r) => [r.name, r.slug as string]));
  const result = new Map<string, string>();
  const taken = new Set<string>();
  // Configured slugs are reserved before any computed slug can claim them.
  for (const { name } of topics) {
    const slug = configured.get(name);
    if (slug && !taken.has(slug)) {
      result.set(name, slug);
      taken.add(slug);
    }
  }
  const ordered = topics
    .filter((t) => !result.has(t.name))
    .sort((a, b) => (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name } of ordered) {
    const base = slugify(name, 60) || "topic";
    let slug = base === "topic" ? `topic-${shortHash(name)}` : base;
    if (taken.has(slug)) slug = `${base}-${shortHash(name).slice(0, 6)}`;
    // A hash collision as well is astronomically rare; count up to stay unique regardless.
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${shortHash(name).slice(0, 6)}-${n}`;
    result.set(name, slug);
    taken.add(slug);
  }
  return result;
}
