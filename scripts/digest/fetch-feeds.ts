// The nightly digest's fetch stage: every configured URL feed is fetched a few at a time with a
// conditional GET (the validators of the last good fetch), and its raw bytes are saved for the
// ingest. Charset decoding and parsing are left to the readers, which also report a 200 that is
// not a feed. One feed failing never stops the others: each outcome is a result, nothing throws.
import { promises as fs } from "node:fs";
import path from "node:path";
import pLimit from "p-limit";
import { sourceLocation, type FeedSource } from "../config/feeds.ts";
import { PROJECT_ROOT } from "../config/paths.ts";
import { FetchError, fetchUrl, type FetchResult } from "../ingest/fetch-url.ts";
import { writeFileAtomic } from "../ingest/store/atomic-write.ts";
import { loadFeedState, saveFeedState, type FeedStateEntry } from "./feed-state.ts";

export interface FetchFeedsOptions {
  /** The feed state JSON (validators and health per feed), e.g. cachePaths().feedState. */
  stateFile: string;
  /** Folder of the saved bodies, `<id>.<ext>`, e.g. cachePaths().fetched. */
  cacheDir: string;
  /** Feeds fetched at once (default 4). */
  concurrency?: number;
  /** Per attempt (default 20 s). */
  timeoutMs?: number;
  /** Body size cap after content decoding (default 20 MB). */
  maxBytes?: number;
  /** Further attempts after a 5xx, a network error or a timeout (default 2). */
  retries?: number;
  /** First backoff delay, doubled per retry (default 500 ms). */
  retryDelayMs?: number;
  /** Fetch and report but write nothing: no body file, no state. */
  dryRun?: boolean;
  /** The clock, for the state's timestamps. */
  now?: () => Date;
  /** Where path sources are resolved from (default the project root). */
  root?: string;
  /** Told about a state file that could not be read or saved (default console.warn). */
  onWarning?: (message: string) => void;
  /** Told about each feed as soon as it is done, e.g. for a progress bar. */
  onResult?: (result: FeedFetchResult) => void;
}

export type FeedFetchStatus = "fetched" | "not-modified" | "local" | "failed";

export interface FeedFetchResult {
  id: string;
  url?: string;
  status: FeedFetchStatus;
  httpStatus?: number;
  /** Size of the body fetched this time (0 for a 304). */
  bytes?: number;
  /** The input for the ingest: the saved body (fetched, not-modified) or the local path. */
  file?: string;
  /** The HTTP Content-Type of the saved body: the ingest needs its charset parameter. */
  contentType?: string;
  /** Where the feed was served from after redirects: the base for its relative URLs. */
  finalUrl?: string;
  attempts?: number;
  /** Why the feed failed, without its URL. */
  error?: string;
  /** Dry run only: the fetched body, since no file was written. */
  body?: Uint8Array;
  ms: number;
}

interface Settings {
  cacheDir: string;
  fetch: { timeoutMs: number; maxBytes: number; retries: number; retryDelayMs: number };
  dryRun: boolean;
  now: () => Date;
  root: string;
}

const SAFE_ID = /^[a-z0-9][a-z0-9-]*$/;

export async function fetchFeeds(sources: FeedSource[], opts: FetchFeedsOptions): Promise<FeedFetchResult[]> {
  const warn = opts.onWarning ?? ((message: string) => console.warn(message));
  const loaded = await loadFeedState(opts.stateFile);
  if (loaded.warning) warn(loaded.warning);
  const state = loaded.state;
  const settings: Settings = {
    cacheDir: path.resolve(opts.cacheDir),
    fetch: {
      timeoutMs: opts.timeoutMs ?? 20_000,
      maxBytes: opts.maxBytes ?? 20 * 1024 * 1024,
      retries: opts.retries ?? 2,
      retryDelayMs: opts.retryDelayMs ?? 500,
    },
    dryRun: opts.dryRun ?? false,
    now: opts.now ?? (() => new Date()),
    root: opts.root ?? PROJECT_ROOT,
  };

  const limit = pLimit(Math.max(1, opts.concurrency ?? 4));
  const results = await Promise.all(
    sources.map((source) =>
      limit(async () => {
        const started = performance.now();
        const { result, entry } = await fetchOne(source, state.feeds[source.id], settings).catch((err: unknown) => ({
          // fetchOne reports every expected failure itself; this is the net under it.
          result: { id: source.id, url: source.url, status: "failed" as const, error: `unexpected: ${String(err)}` },
          entry: undefined,
        }));
        if (entry) state.feeds[source.id] = entry;
        const done: FeedFetchResult = { ...result, ms: Math.round(performance.now() - started) };
        opts.onResult?.(done);
        return done;
      }),
    ),
  );

  if (!settings.dryRun && results.some((r) => r.status !== "local")) {
    await saveFeedState(opts.stateFile, state).catch((err: unknown) => warn(`${opts.stateFile}: cannot save the feed state: ${String(err)}`));
  }
  return results;
}

type Outcome = { result: Omit<FeedFetchResult, "ms">; entry?: FeedStateEntry };

async function fetchOne(source: FeedSource, previous: FeedStateEntry | undefined, settings: Settings): Promise<Outcome> {
  if (!source.url) return readLocal(source, settings.root);
  const url = source.url;
  const attemptAt = settings.now().toISOString();
  if (!SAFE_ID.test(source.id)) return failed(url, source.id, previous, attemptAt, "id is not safe as a file name");

  // Validators only count when they belong to this URL and the body they describe is still cached.
  const sameUrl = previous?.url === url;
  const cached = sameUrl && previous?.file && (await isFile(previous.file)) ? previous : undefined;
  let response: FetchResult;
  try {
    response = await fetchUrl(url, { ...settings.fetch, headers: conditionalHeaders(cached) });
    if (response.status === 304 && !cached) {
      // A 304 to a request that asked nothing conditional leaves nothing to reuse: ask plainly once.
      response = await fetchUrl(url, { ...settings.fetch, headers: { "cache-control": "no-cache" } });
      if (response.status === 304) return failed(url, source.id, sameUrl ? previous : undefined, attemptAt, "HTTP 304 to an unconditional request", 304);
    }
  } catch (err) {
    const error = err instanceof FetchError ? err : undefined;
    return failed(url, source.id, sameUrl ? previous : undefined, attemptAt, reasonOf(err, url), error?.status, error?.attempts);
  }

  const health = { lastAttempt: attemptAt, lastSuccess: attemptAt, consecutiveFailures: 0, lastError: previous?.lastError, lastErrorAt: previous?.lastErrorAt };
  if (response.status === 304) {
    const entry: FeedStateEntry = {
      ...cached!,
      ...health,
      // A server may send fresh validators with its 304.
      etag: response.etag ?? cached!.etag,
      lastModified: response.lastModified ?? cached!.lastModified,
      httpStatus: 304,
    };
    const result = { id: source.id, url, status: "not-modified" as const, httpStatus: 304, bytes: 0, file: cached!.file, contentType: cached!.contentType, finalUrl: cached!.finalUrl ?? url, attempts: response.attempts };
    return { result, entry };
  }

  const file = path.join(settings.cacheDir, `${source.id}.${extensionFor(response.contentType)}`);
  if (!settings.dryRun) {
    try {
      writeFileAtomic(file, response.bytes);
    } catch (err) {
      return failed(url, source.id, sameUrl ? previous : undefined, attemptAt, `cannot save the body: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, response.status, response.attempts);
    }
    // The body moved to another extension (its content type changed): drop the old copy.
    if (previous?.file && previous.file !== file && path.dirname(previous.file) === settings.cacheDir) {
      await fs.rm(previous.file, { force: true }).catch(() => {});
    }
  }
  const entry: FeedStateEntry = {
    url,
    etag: response.etag,
    lastModified: response.lastModified,
    contentType: response.contentType,
    file,
    finalUrl: response.finalUrl,
    bytes: response.bytes.byteLength,
    httpStatus: response.status,
    ...health,
  };
  const result: Omit<FeedFetchResult, "ms"> = {
    id: source.id,
    url,
    status: "fetched",
    httpStatus: response.status,
    bytes: response.bytes.byteLength,
    file: settings.dryRun ? undefined : file,
    contentType: response.contentType,
    finalUrl: response.finalUrl,
    attempts: response.attempts,
    ...(settings.dryRun ? { body: response.bytes } : {}),
  };
  return { result, entry };
}

/** A failed feed keeps its validators and cached body (the file stays for a later 304) and counts the failure. */
function failed(url: string, id: string, previous: FeedStateEntry | undefined, attemptAt: string, error: string, httpStatus?: number, attempts?: number): Outcome {
  const entry: FeedStateEntry = {
    ...previous,
    url,
    lastAttempt: attemptAt,
    lastError: error,
    lastErrorAt: attemptAt,
    consecutiveFailures: (previous?.consecutiveFailures ?? 0) + 1,
    httpStatus,
  };
  return { result: { id, url, status: "failed", httpStatus, error, attempts }, entry };
}

async function readLocal(source: FeedSource, root: string): Promise<Outcome> {
  const file = sourceLocation(source, root);
  try {
    await fs.access(file);
    return { result: { id: source.id, status: "local", file } };
  } catch (err) {
    return { result: { id: source.id, status: "failed", file, error: `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` } };
  }
}

function conditionalHeaders(cached: FeedStateEntry | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (cached?.etag) headers["if-none-match"] = cached.etag;
  if (cached?.lastModified) headers["if-modified-since"] = cached.lastModified;
  return headers;
}

/** The readers detect the format from the content; the extension only helps a person looking. */
function extensionFor(contentType: string | undefined): string {
  return /json/i.test(contentType ?? "") ? "json" : "xml";
}

async function isFile(file: string): Promise<boolean> {
  return fs.stat(file).then((s) => s.isFile(), () => false);
}

/** The reason alone: results carry the URL separately, and fetch errors start with it. */
function reasonOf(err: unknown, url: string): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.startsWith(`${url}: `) ? message.slice(url.length + 2) : message;
}
