// Downloads one image URL within limits: http(s) only, every hop (redirects included, at most 5)
// checked before it is requested and its addresses checked at connect, a time limit per attempt,
// a byte limit, no Referer, a clear User-Agent, retries with backoff on 5xx and timeouts.
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { guardedLookup, RefusedAddressError } from "./guarded-lookup.ts";

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  /** May the socket connect to this address? (isPublicAddress unless private hosts are allowed) */
  isAllowedAddress: (address: string) => boolean;
  /** Why a URL (first or redirect target) must not be requested, or undefined when it may. */
  refuseUrl: (url: URL) => string | undefined;
  maxRedirects?: number;
  retries?: number;
  retryBaseMs?: number;
}

export interface FetchedImage {
  bytes: Buffer;
  finalUrl: string;
}

export class ImageFetchError extends Error {
  constructor(
    message: string,
    /** Refused by the safety rules (the page drops the image rather than linking it). */
    readonly refused = false,
    readonly retryable = false,
  ) {
    super(message);
    this.name = "ImageFetchError";
  }
}

export async function fetchImage(url: URL, limits: FetchLimits): Promise<FetchedImage> {
  const retries = limits.retries ?? 2;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchFollowingRedirects(url, limits);
    } catch (error) {
      const failure = asFetchError(error);
      if (!failure.retryable || attempt >= retries) throw failure;
      await sleep((limits.retryBaseMs ?? 1000) * 2 ** attempt);
    }
  }
}

async function fetchFollowingRedirects(start: URL, limits: FetchLimits): Promise<FetchedImage> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const lookup = guardedLookup(limits.isAllowedAddress);
  let url = start;
  for (let hop = 0; ; hop++) {
    const refusal = refuseHop(url, limits);
    if (refusal) throw new ImageFetchError(hop === 0 ? refusal : `redirect refused: ${refusal}`, true);
    const response = await request(url, limits, lookup, signal);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (hop >= (limits.maxRedirects ?? 5)) throw new ImageFetchError("too many redirects");
      url = new URL(response.headers.location, url);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new ImageFetchError(`HTTP ${status}`, false, status >= 500 || status === 429);
    }
    return { bytes: await readBody(response, limits.maxBytes), finalUrl: url.href };
  }
}

function refuseHop(url: URL, limits: FetchLimits): string | undefined {
  if (url.protocol !== "http:" && url.protocol !== "https:") return `scheme ${url.protocol} not allowed`;
  // IP literals skip DNS, so the lookup guard never sees them: check them here.
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !limits.isAllowedAddress(host)) return `non-public address ${host}`;
  return limits.refuseUrl(url);
}

function request(url: URL, limits: FetchLimits, lookup: ReturnType<typeof guardedLookup>, signal: AbortSignal): Promise<http.IncomingMessage> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: "GET",
      // No Referer, no cookies: the request names only what it wants and who asks.
      headers: { "user-agent": limits.userAgent, accept: "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1", "accept-encoding": "identity" },
      lookup,
      signal,
      agent: false,
    });
    req.on("response", resolve);
    req.on("error", reject);
    req.end();
  });
}

function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return Promise.reject(new ImageFetchError(`larger than ${maxBytes} bytes (${declared})`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      response.destroy();
      reject(error);
    };
    response.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(new ImageFetchError(`larger than ${maxBytes} bytes`));
      else chunks.push(chunk);
    });
    response.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    response.on("error", fail);
    response.on("aborted", () => fail(new ImageFetchError("connection closed early", false, true)));
  });
}

function asFetchError(error: unknown): ImageFetchError {
  if (error instanceof ImageFetchError) return error;
  if (error instanceof RefusedAddressError) return new ImageFetchError(error.message, true);
  const err = error as NodeJS.ErrnoException;
  if (err?.name === "TimeoutError" || err?.name === "AbortError") return new ImageFetchError("timed out", false, true);
  const code = err?.code ?? "";
  const retryable = ["ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN"].includes(code);
  return new ImageFetchError(err?.message ? `${code ? code + ": " : ""}${err.message}` : String(error), false, retryable);
}
