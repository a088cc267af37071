// Topics of an item: markers in the body, feed categories and the source's default topics,
// joined by the keyword rules of content/_data/topics.json. Names are matched through the rules,
// so an alias or the Traditional spelling lands on the configured name.
import escapeStringRegexp from "escape-string-regexp";
import type { TopicRule } from "../../config/topics.ts";

export const MAX_TOPICS = 8;

export interface TopicMatcher {
  assign(input: { markers: string[]; categories: string[]; defaults: string[]; text: string }): string[];
}

export function topicMatcher(rules: TopicRule[]): TopicMatcher {
  const byName = new Map<string, string>();
  for (const rule of rules) {
    byName.set(fold(rule.name), rule.name);
    for (const alias of rule.aliases ?? []) byName.set(fold(alias), rule.name);
  }
  const keywordRules = rules.filter((r) => r.keywords.length > 0);
  const matchedRules = keywordScanner(keywordRules);
  return {
    assign({ markers, categories, defaults, text }) {
      const topics: string[] = [];
      const add = (name: string) => {
        const clean = name.replace(/\s+/g, " ").trim();
        if (!clean || clean.length > 40) return;
        const canonical = byName.get(fold(clean)) ?? clean;
        if (!topics.includes(canonical)) topics.push(canonical);
      };
      markers.forEach(add);
      categories.forEach(add);
      defaults.forEach(add);
      const matched = matchedRules(text);
      keywordRules.forEach((rule, i) => matched.has(i) && add(rule.name));
      return topics.slice(0, MAX_TOPICS);
    },
  };
}

/**
 * Which rules have a keyword in the text, in one pass over it rather than one per keyword (the
 * text is a whole article; keyword lists grow with the topics). At each position the pattern
 * captures the longest keyword found there; every keyword found at that position is a prefix of
 * that one, so its prefixes are counted as found too.
 */
function keywordScanner(rules: TopicRule[]): (text: string) => Set<number> {
  const rulesOf = new Map<string, number[]>();
  rules.forEach((rule, i) => rule.keywords.forEach((k) => rulesOf.set(k, [...(rulesOf.get(k) ?? []), i])));
  const keywords = [...rulesOf.keys()].sort((a, b) => b.length - a.length);
  if (!keywords.length) return () => new Set();
  const found = new Map(keywords.map((k) => [k, [...new Set(keywords.filter((p) => k.startsWith(p)).flatMap((p) => rulesOf.get(p)!))]]));
  const pattern = new RegExp(`(?=(${keywords.map(escapeStringRegexp).join("|")}))`, "gu");
  return (text) => {
    const matched = new Set<number>();
    for (const [, keyword] of text.matchAll(pattern)) for (const i of found.get(keyword)!) matched.add(i);
    return matched;
  };
}

function fold(name: string): string {
  return name.normalize("NFKC").trim().toLowerCase();
}
