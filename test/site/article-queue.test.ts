// The article queue a full build shares with its worker: a closed queue holds the worker back
// until the build's thread opens it (after the images stage), and a dropped one lets it go with
// nothing to render.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ArticleQueue } from "../../scripts/site/build/render-articles.ts";
import { startWorker } from "../../scripts/workers/start-worker.ts";

/** A thread that waits on the queue, then takes batches until none is left, and reports them. */
function taker(queue: ArticleQueue): Promise<string[][]> {
  const worker = startWorker(new URL("../fixtures/site/queue-taker.ts", import.meta.url), { workerData: { batches: queue.batches, shared: queue.shared } });
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`exited ${code} without an answer`)));
  });
}

test("a closed queue holds its worker until opened, and each batch is taken once", { timeout: 30_000 }, async () => {
  const queue = new ArticleQueue([["2026/01"], ["2026/02"], ["2026/03"]], { open: false });
  let answered = false;
  const taken = taker(queue).then((batches) => ((answered = true), batches));
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(answered, false, "the worker waits while the queue is closed");
  assert.deepEqual(queue.take(), ["2026/01"]);
  queue.open();
  assert.deepEqual(await taken, [["2026/02"], ["2026/03"]]);
  assert.equal(queue.take(), undefined);
});

test("dropping a closed queue releases its worker with nothing to render", { timeout: 30_000 }, async () => {
  const queue = new ArticleQueue([["2026/01"], ["2026/02"]], { open: false });
  const taken = taker(queue);
  await new Promise((resolve) => setTimeout(resolve, 100));
  queue.drop();
  assert.deepEqual(await taken, []);
});
