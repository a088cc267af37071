// Fetches an http(s) SOURCE named on the command line or in the feeds config: redirects followed
// by hand (so each hop is checked and counted), a time limit for the whole exchange, and a size
// cap enforced while the body streams in.

export interface FetchOptions {
  /** Whole-request time limit in ms (default 20 s). */
  timeoutMs?: number;
  /** Body size cap in bytes (default 20 MB), counted after content decoding. */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Extra request headers (e.g. If-None-Match for a conditional GET). */
  headers?: Record<string, string>;
}

export interface FetchResult {
  bytes: Uint8Array;
  contentType?: string;
  finalUrl: string;
  status: number;
}

const USER_AGENT = "Gazette/0.1 (+news digest static site generator)";
const ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/** Throws an Error naming the URL and the reason; 304 Not Modified is returned, not thrown. */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const maxBytes = opts.maxBytes ?? 20 * 1024 * 1024;
  const maxRedirects = opts.maxRedirects ?? 5;
  const fail = (reason: string): never => {
    throw new Error(`${url}: ${reason}`);
  };

  let current = checkScheme(url, fail);
  const signal = AbortSignal.timeout(timeoutMs);
  const visited = new Set<string>([current.href]);
  try {
    for (let hops = 0; ; hops++) {
      const response = await fetch(current, {
        redirect: "manual",
        signal,
        headers: { "user-agent": USER_AGENT, accept: ACCEPT, ...opts.headers },
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
        fail(`HTTP ${response.status} ${response.statusText}`.trim());
      }
      const declared = Number(response.headers.get("content-length"));
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
      };
    }
  } catch (err) {
    if (signal.aborted) throw new Error(`${url}: timed out after ${timeoutMs} ms`, { cause: err });
    if ((err as Error).message.startsWith(`${url}: `)) throw err;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`${url}: ${cause?.code ?? cause?.message ?? (err as Error).message}`, { cause: err });
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
