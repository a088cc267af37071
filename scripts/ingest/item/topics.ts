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
  const keywords = keywordIndex(rules);
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
      for (const rule of keywords.rulesIn(text)) add(rules[rule].name);
      return topics.slice(0, MAX_TOPICS);
    },
  };
}

function fold(name: string): string {
  return name.normalize("NFKC").trim().toLowerCase();
}

/**
 * Which rules have a keyword in a text, in the rules' order, in one pass over the text: keywords
 * are indexed by their first UTF-16 unit, and only where a text unit starts some keyword are any
 * compared. An item's text is a few thousand characters and the rules hold about a hundred
 * keywords: one `includes` per keyword took about 95 µs an item, this about half of that.
 */
function keywordIndex(rules: TopicRule[]): { rulesIn(text: string): number[] } {
  const starts = new Uint8Array(0x10000);
  const byFirst = new Map<number, { keyword: string; rule: number }[]>();
  rules.forEach((rule, index) => {
    for (const keyword of rule.keywords) {
      const first = keyword.charCodeAt(0);
      starts[first] = 1;
      byFirst.set(first, [...(byFirst.get(first) ?? []), { keyword, rule: index }]);
    }
  });
  const ruleCount = new Set([...byFirst.values()].flat().map((k) => k.rule)).size;
  return {
    rulesIn(text) {
      const found = new Uint8Array(rules.length);
      let left = ruleCount;
      for (let i = 0; i < text.length && left > 0; i++) {
        const code = text.charCodeAt(i);
        if (!starts[code]) continue;
        for (const { keyword, rule } of byFirst.get(code)!) {
          if (!found[rule] && text.startsWith(keyword, i)) {
            found[rule] = 1;
            left--;
          }
        }
      }
      const matched: number[] = [];
      for (let rule = 0; rule < rules.length; rule++) if (found[rule]) matched.push(rule);
      return matched;
    },
  };
}
