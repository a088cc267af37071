// Topics of an item: markers in the body, feed categories and the source's default topics,
// joined by the keyword rules of content/_data/topics.json. Names are matched through the rules,
// so an alias or the Traditional spelling lands on the configured name.
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
      for (const rule of keywordRules) {
        if (rule.keywords.some((k) => text.includes(k))) add(rule.name);
      }
      return topics.slice(0, MAX_TOPICS);
    },
  };
}

function fold(name: string): string {
  return name.normalize("NFKC").trim().toLowerCase();
}
