// Fetches an http(s) SOURCE named on the command line or in the feeds config: redirects followed
// by hand (so each hop is checked and counted), a time limit per attempt, a size cap enforced
// while the body streams in, and (when asked) retries with exponential backoff on transient
// failures. Content-Encoding (gzip, deflate, br) is decoded by the runtime's fetch.

export interface FetchOptions {
  /** Time limit per attempt in ms, for the whole exchange including the body (default 20 s). */
  timeoutMs?: number;
  /** Body size cap in bytes (default 20 MB), counted after content decoding. */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Extra request headers (e.g. If-None-Match for a conditional GET). */
  headers?: Record<string, string>;
  /** Further attempts after a 5xx, a network error or a timeout (default 0); never after a 4xx. */
  retries?: number;
  /** First backoff delay in ms, doubled for each further retry (default 500). */
  retryDelayMs?: number;
}

export interface FetchResult {
  bytes: Uint8Array;
  contentType?: string;
  finalUrl: string;
  status: number;
  /** Validators for the next conditional GET. */
  etag?: string;
  lastModified?: string;
  /** Attempts made, 1 when the first one succeeded. */
  attempts: number;
}

/** Every failure of fetchUrl: the message starts with the URL; `retryable` says whether trying again may help. */
export class FetchError extends Error {
  attempts = 1;
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly retryable: boolean,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    // name stays "Error": callers print `${err}` and match on "Error: <url>: ...".
    super(`${url}: ${reason}`, options);
  }
}

const USER_AGENT = "Gazette/0.1 (+news digest static site generator)";
const ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
// Node's fetch decodes br but does not offer it by default.
const ACCEPT_ENCODING = "gzip, deflate, br";
const MAX_RETRY_DELAY_MS = 30_000;

/** Throws a FetchError naming the URL and the reason; 304 Not Modified is returned, not thrown. */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const retries = Math.max(0, opts.retries ?? 0);
  const baseDelay = opts.retryDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      return { ...(await fetchOnce(url, opts)), attempts: attempt };
    } catch (err) {
      const error = err instanceof FetchError ? err : new FetchError(url, String(err), false, undefined, { cause: err });
      error.attempts = attempt;
      if (!error.retryable || attempt > retries) {
        if (attempt > 1) error.message += ` (after ${attempt} attempts)`;
        throw error;
      }
      await sleep(backoffDelay(baseDelay, attempt));
    }
  }
}

/** Exponential backoff with jitter, so feeds failing together do not retry in lockstep. */
function backoffDelay(baseDelay: number, attempt: number): number {
  const exp = Math.min(MAX_RETRY_DELAY_MS, baseDelay * 2 ** (attempt - 1));
  return exp / 2 + Math.random() * (exp / 2);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function fetchOnce(url: string, opts: FetchOptions): Promise<Omit<FetchResult, "attempts">> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const maxBytes = opts.maxBytes ?? 20 * 1024 * 1024;
  const maxRedirects = opts.maxRedirects ?? 5;
  const fail = (reason: string, retryable = false, status?: number): never => {
    throw new FetchError(url, reason, retryable, status);
  };

  let current = checkScheme(url, fail);
  const signal = AbortSignal.timeout(timeoutMs);
  const visited = new Set<string>([current.href]);
  try {
    for (let hops = 0; ; hops++) {
      const response = await fetch(current, {
        redirect: "manual",
        signal,
        headers: { "user-agent": USER_AGENT, accept: ACCEPT, "accept-encoding": ACCEPT_ENCODING, ...opts.headers },
      });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get("location");
        if (!location) fail(`HTTP ${response.status} redirect without a Location`);
        if (hops >= maxRedirects) fail(`more than ${maxRedirects} redirects`);
        current = checkScheme(new URL(location!, current).href, fail);
        if (visited.has(current.href)) fail(`redirect loop at ${current.href}`);
        visited.add(current.href);
        continue;
      }
      if (response.status >= 400) {
        await response.body?.cancel();
        fail(`HTTP ${response.status} ${response.statusText}`.trim(), response.status >= 500, response.status);
      }
      const declared = Number(response.headers.get("content-length"));
      // Content-Length counts encoded bytes, so it can only prove a body too big, never small enough.
      if (declared > maxBytes) {
        await response.body?.cancel();
        fail(`body of ${declared} bytes is over the ${maxBytes}-byte limit`);
      }
      const bytes = await readCapped(response, maxBytes, fail);
      return {
        bytes,
        contentType: response.headers.get("content-type") ?? undefined,
        finalUrl: current.href,
        status: response.status,
        etag: response.headers.get("etag") ?? undefined,
        lastModified: response.headers.get("last-modified") ?? undefined,
      };
    }
  } catch (err) {
    if (signal.aborted) throw new FetchError(url, `timed out after ${timeoutMs} ms`, true, undefined, { cause: err });
    if (err instanceof FetchError) throw err;
    // fetch rejects with a TypeError whose cause names the network failure (ECONNREFUSED, ...).
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new FetchError(url, cause?.code ?? cause?.message ?? (err as Error).message, true, undefined, { cause: err });
  }
}

function checkScheme(url: string, fail: (reason: string) => never): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail("not a valid URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") fail(`only http and https are fetched, not ${parsed.protocol}`);
  return parsed;
}

async function readCapped(response: Response, maxBytes: number, fail: (reason: string) => never): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      fail(`body is over the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
