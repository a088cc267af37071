// Topic rules (content/_data/topics.json): names, optional explicit slugs, keywords.
import { existsSync } from "node:fs";
import { z } from "zod";
import { ConfigError, readJsonConfig } from "./feeds.ts";

export const topicRuleSchema = z.object({
  name: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
  keywords: z.array(z.string().min(1)).default([]),
  /** Other spellings that mean this topic (e.g. the Traditional form, an English name). */
  aliases: z.array(z.string().min(1)).optional(),
});

export type TopicRule = z.infer<typeof topicRuleSchema>;

export async function loadTopicRules(file: string): Promise<TopicRule[]> {
  if (!existsSync(file)) return [];
  const parsed = z.array(topicRuleSchema).safeParse(await readJsonConfig(file));
  if (!parsed.success) throw new ConfigError(file, z.prettifyError(parsed.error));
  return parsed.data;
}
