// The article worker (render-articles.ts): loads the site state, then renders batch after batch
// of articles from the shared queue, each in an Eleventy run of its own, and answers with the
// files written.
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { LAYOUTS_DIR } from "../eleventy-setup.ts";
import { SiteState } from "../site-state.ts";
import { collectGarbage } from "./collect-garbage.ts";
import { ArticleQueue, type ArticleJob, type WorkerReply } from "./render-articles.ts";
import { runEleventy } from "./run-eleventy.ts";

const { job } = workerData as { job: ArticleJob };
// The build's thread opens the queue (a cold build starts this worker before its images stage).
const queue = new ArticleQueue(job.batches, { shared: job.next, open: false });

async function render(): Promise<string[]> {
  const state = new SiteState(job.contentDir, path.join(LAYOUTS_DIR, "assets"));
  // The build's own thread has reported the model's warnings already.
  await state.load({ warn: false });
  await queue.opened();
  const written: string[] = [];
  for (let only = queue.take(); only; only = queue.take()) {
    collectGarbage();
    written.push(...(await runEleventy(job.contentDir, job.outputDir, job.quiet, job.globalData, { state, only, articlesOnly: true })));
  }
  return written;
}

const reply = (message: WorkerReply) => parentPort?.postMessage(message);
render().then(
  (written) => reply({ ok: true, written }),
  (error: unknown) => reply(error instanceof Error ? { ok: false, message: error.message, stack: error.stack } : { ok: false, message: String(error) }),
);
