// The article queue a full build shares with its worker: a closed queue holds the worker back
// until the build's thread opens it (after the images stage), and a dropped one lets it go with
// nothing to render.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ArticleQueue } from "../../scripts/site/build/render-articles.ts";
import { startWorker } from "../../scripts/workers/start-worker.ts";

/**
 * A thread that waits on the queue, then takes batches until none is left. `waiting` settles when
 * it has reached the queue (so a test knows it is past its boot); `taken` when it has taken them.
 */
function taker(queue: ArticleQueue): { waiting: Promise<void>; taken: Promise<string[][]> } {
  const worker = startWorker(new URL("../fixtures/site/queue-taker.ts", import.meta.url), { workerData: { batches: queue.batches, shared: queue.shared } });
  const failed = new Promise<never>((_, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`exited ${code} without an answer`)));
  });
  failed.catch(() => undefined);
  const waiting = new Promise<void>((resolve) => worker.once("message", () => resolve()));
  const taken = waiting.then(() => new Promise<string[][]>((resolve) => worker.once("message", resolve)));
  return { waiting: Promise.race([waiting, failed]), taken: Promise.race([taken, failed]) };
}

test("a closed queue holds its worker until opened, and each batch is taken once", { timeout: 30_000 }, async () => {
  const queue = new ArticleQueue([["2026/01"], ["2026/02"], ["2026/03"]], { open: false });
  const worker = taker(queue);
  let answered = false;
  const taken = worker.taken.then((batches) => ((answered = true), batches));
  await worker.waiting;
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(answered, false, "the worker waits while the queue is closed");
  assert.deepEqual(queue.take(), ["2026/01"]);
  queue.open();
  assert.deepEqual(await taken, [["2026/02"], ["2026/03"]]);
  assert.equal(queue.take(), undefined);
});

test("dropping a closed queue releases its worker with nothing to render", { timeout: 30_000 }, async () => {
  const queue = new ArticleQueue([["2026/01"], ["2026/02"]], { open: false });
  const worker = taker(queue);
  await worker.waiting;
  queue.drop();
  assert.deepEqual(await worker.taken, []);
});
