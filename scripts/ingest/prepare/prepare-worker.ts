// A worker thread that prepares items (clean, convert, type): the CPU-bound part of the ingest.
import { parentPort, workerData } from "node:worker_threads";
import type { TopicRule } from "../../config/topics.ts";
import { prepareItem, type SourceInfo } from "../item/build-item.ts";
import { topicMatcher } from "../item/topics.ts";
import type { RawItem } from "../raw-item.ts";
import type { PrepareOutcome } from "./prepare-pool.ts";

const { rules, now } = workerData as { rules: TopicRule[]; now: number; entry: string };
const topics = topicMatcher(rules);

parentPort!.on("message", (batch: { id: number; jobs: { raw: RawItem; source: SourceInfo }[] }) => {
  const results: PrepareOutcome[] = batch.jobs.map(({ raw, source }) => {
    try {
      return { ok: true, item: prepareItem(raw, source, topics, new Date(now)) };
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
  });
  parentPort!.postMessage({ id: batch.id, results });
});
