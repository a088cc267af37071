// The article worker (render-articles.ts): loads the site state, then renders batch after batch
// of articles, each in an Eleventy run of its own, and answers with the files written.
import { once } from "node:events";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { LAYOUTS_DIR } from "../eleventy-setup.ts";
import { SiteState } from "../site-state.ts";
import { collectGarbage } from "./collect-garbage.ts";
import type { ArticleJob, BatchMessage, WorkerMessage } from "./render-articles.ts";
import { runEleventy } from "./run-eleventy.ts";

const { job } = workerData as { job: ArticleJob };
const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);

async function nextBatch(): Promise<string[] | null> {
  send({ next: true });
  const [reply] = (await once(port, "message")) as [BatchMessage];
  return reply.batch;
}

async function render(): Promise<string[]> {
  const state = new SiteState(job.contentDir, path.join(LAYOUTS_DIR, "assets"));
  // The build's own thread has reported the model's warnings already.
  await state.load({ warn: false });
  const written: string[] = [];
  for (let only = await nextBatch(); only; only = await nextBatch()) {
    collectGarbage();
    written.push(...(await runEleventy(job.contentDir, job.outputDir, job.quiet, job.globalData, { state, only, articlesOnly: true })));
  }
  return written;
}

render().then(
  (written) => send({ ok: true, written }),
  (error: unknown) => send(error instanceof Error ? { ok: false, message: error.message, stack: error.stack } : { ok: false, message: String(error) }),
);
