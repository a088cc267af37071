import assert from "node:assert/strict";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { emptyFeedState, loadFeedState, saveFeedState, type FeedState } from "../../scripts/digest/feed-state.ts";
import { tempDir } from "../helpers/shared.ts";

test("a missing state file is a first run, without a warning", async () => {
  const dir = await tempDir("gazette-state-");
  assert.deepEqual(await loadFeedState(path.join(dir, "feed-state.json")), { state: emptyFeedState() });
});

test("state round-trips through an atomic save that leaves no temporary file", async () => {
  const dir = await tempDir("gazette-state-");
  const file = path.join(dir, "nested", "feed-state.json");
  const state: FeedState = {
    version: 1,
    feeds: { dw: { url: "https://example.org/rss", etag: 'W/"1"', lastSuccess: "2025-01-01T00:00:00.000Z", consecutiveFailures: 0 } },
  };
  await saveFeedState(file, state);
  assert.deepEqual(await loadFeedState(file), { state });
  assert.deepEqual(await readdir(path.dirname(file)), ["feed-state.json"]);
});

test("a file that is not JSON, or JSON of the wrong shape, is reported and started afresh", async () => {
  const dir = await tempDir("gazette-state-");
  const file = path.join(dir, "feed-state.json");
  for (const [text, reason] of [
    ["\u0000\u0001garbage", /not valid JSON/],
    ['{"version": 1, "feeds": {"dw": {"consecutiveFailures": -3}}}', /not a valid feed state/],
    ["[]", /not a valid feed state/],
  ] as const) {
    await writeFile(file, text);
    const loaded = await loadFeedState(file);
    assert.deepEqual(loaded.state, emptyFeedState());
    assert.match(loaded.warning!, reason);
  }
});

test("saving refuses a state that would not load again", async () => {
  const dir = await tempDir("gazette-state-");
  const bad = { version: 1, feeds: { dw: { consecutiveFailures: 1.5 } } } as unknown as FeedState;
  await assert.rejects(saveFeedState(path.join(dir, "feed-state.json"), bad));
});
