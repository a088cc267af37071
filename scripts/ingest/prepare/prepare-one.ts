// One job through prepareItem, its failure caught as an outcome. Its own module, so that only the
// threads that prepare load the cleaning and conversion stack (sanitize-html, turndown and the
// rest): the storing thread of a large ingest never does.
import { prepareItem } from "../item/build-item.ts";
import type { TopicMatcher } from "../item/topics.ts";
import type { PrepareJob, PrepareOutcome } from "./prepare-pool.ts";

export function prepareOne(job: PrepareJob, topics: TopicMatcher, now: Date): PrepareOutcome {
  try {
    return { ok: true, item: prepareItem(job.raw, job.source, topics, now, { rawHash: job.rawHash, identity: job.identity, isNew: job.isNew }) };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
