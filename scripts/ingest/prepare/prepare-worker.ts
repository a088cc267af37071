// A worker thread that prepares items (clean, convert, type): the CPU-bound part of the ingest.
import { parentPort, workerData } from "node:worker_threads";
import type { TopicRule } from "../../config/topics.ts";
import { topicMatcher } from "../item/topics.ts";
import { prepareOne } from "./prepare-one.ts";
import type { PrepareJob } from "./prepare-pool.ts";

const { rules, now } = workerData as { rules: TopicRule[]; now: number };
const topics = topicMatcher(rules);

parentPort!.on("message", (batch: { id: number; jobs: PrepareJob[] }) => {
  const results = batch.jobs.map((job) => prepareOne(job, topics, new Date(now)));
  parentPort!.postMessage({ id: batch.id, results });
});
