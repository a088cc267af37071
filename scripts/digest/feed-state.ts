// What the digest remembers about each feed between runs (.cache/feed-state.json): the validators
// for a conditional GET, where the last good body was saved, and the feed's health. Losing this
// file costs one full download per feed, never content, so a corrupt file is reported and
// replaced rather than allowed to stop the nightly run.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { writeFileAtomic } from "../ingest/store/atomic-write.ts";

export const feedStateEntrySchema = z.object({
  /** The URL the validators belong to; a feed whose URL changed starts afresh. */
  url: z.string().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  contentType: z.string().optional(),
  /** Where the last successfully fetched body was saved. */
  file: z.string().optional(),
  /** Where the last fetch ended after redirects: the base for the feed's relative URLs. */
  finalUrl: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  httpStatus: z.number().int().optional(),
  /** ISO 8601 times. */
  lastAttempt: z.string().optional(),
  lastSuccess: z.string().optional(),
  lastError: z.string().optional(),
  lastErrorAt: z.string().optional(),
  consecutiveFailures: z.number().int().nonnegative().default(0),
});

export const feedStateSchema = z.object({
  version: z.literal(1),
  feeds: z.record(z.string(), feedStateEntrySchema),
});

export type FeedStateEntry = z.infer<typeof feedStateEntrySchema>;
export type FeedState = z.infer<typeof feedStateSchema>;

export interface LoadedFeedState {
  state: FeedState;
  /** Set when the file existed but was unreadable, not JSON or not valid: it will be replaced. */
  warning?: string;
}

export function emptyFeedState(): FeedState {
  return { version: 1, feeds: {} };
}

/** Never throws: a missing file is a first run, a bad one is reported and started afresh. */
export async function loadFeedState(file: string): Promise<LoadedFeedState> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { state: emptyFeedState() };
    return { state: emptyFeedState(), warning: `${file}: cannot read (${code ?? (err as Error).message}); starting with no feed state` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { state: emptyFeedState(), warning: `${file}: not valid JSON (${(err as Error).message}); starting with no feed state` };
  }
  const parsed = feedStateSchema.safeParse(data);
  if (!parsed.success) {
    return { state: emptyFeedState(), warning: `${file}: not a valid feed state (${z.prettifyError(parsed.error)}); starting with no feed state` };
  }
  return { state: parsed.data };
}

/** Validated before writing, so a bug here cannot leave a file the next run rejects; written atomically. */
export async function saveFeedState(file: string, state: FeedState): Promise<void> {
  const valid = feedStateSchema.parse(state);
  writeFileAtomic(file, `${JSON.stringify(valid, null, 2)}\n`);
}
