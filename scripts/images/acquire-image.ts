// Brings one image into the cache: a bundled file is read, a remote one downloaded (within the
// limits); either way the bytes must be an image we serve, and they are stored under their sha256.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { fetchImage, ImageFetchError } from "./fetch-image.ts";
import type { HostLimiter } from "./host-limiter.ts";
import { classifyImageSource, type ImageSource } from "./image-source.ts";
import { originalPath, type ImageFacts, type ImageFailure, type ManifestEntry } from "./image-manifest.ts";
import type { ImageSettings } from "./image-settings.ts";
import { inspectImage, NotAnImageError } from "./inspect-image.ts";

/** Documentation names (RFC 2606/6761) stand for no real image: never requested. */
const DOCUMENTATION_HOST = /(^|\.)(example\.(com|net|org)|example|invalid|test)\.?$/i;
/** A failed download is tried again after this long, not on every build. */
export const RETRY_FAILED_AFTER_MS = 6 * 60 * 60 * 1000;

export interface AcquireContext {
  settings: ImageSettings;
  limiter: HostLimiter;
  retries?: number;
  retryBaseMs?: number;
  now: number;
}

export type Acquired = { entry: ManifestEntry; fetched: boolean; changed: boolean };

export async function acquireImage(source: ImageSource, cached: ManifestEntry | undefined, ctx: AcquireContext): Promise<Acquired> {
  if (source.kind === "refused") return { entry: failure(source.reason, true, ctx), fetched: false, changed: false };
  if (source.kind === "local") return acquireLocal(source.file, cached, ctx);
  if (cached?.ok && existsSync(originalPath(ctx.settings.cache, cached))) return { entry: cached, fetched: false, changed: false };
  if (cached && !cached.ok && ctx.now - Date.parse(cached.at) < RETRY_FAILED_AFTER_MS) return { entry: cached, fetched: false, changed: false };
  if (DOCUMENTATION_HOST.test(source.url.hostname)) return { entry: failure("documentation host name, not fetched", false, ctx), fetched: false, changed: false };
  if (!ctx.settings.fetchRemote) return { entry: failure("remote images are off (images.fetchRemote: false)", false, ctx), fetched: false, changed: false };
  const { settings } = ctx;
  try {
    const { bytes } = await ctx.limiter.run(source.url.host, () =>
      fetchImage(source.url, {
        timeoutMs: settings.timeoutMs,
        maxBytes: settings.maxBytes,
        userAgent: settings.userAgent,
        isAllowedAddress: settings.isAllowedAddress,
        refuseUrl: (url) => refusalOf(classifyImageSource(url.href, settings)),
        retries: ctx.retries,
        retryBaseMs: ctx.retryBaseMs,
      }),
    );
    return { entry: await store(bytes, ctx), fetched: true, changed: true };
  } catch (error) {
    const byPolicy = error instanceof ImageFetchError && error.refused;
    // Bytes that are no usable image are dropped from pages rather than linked.
    const refused = byPolicy || error instanceof NotAnImageError;
    // Policy refusals are not remembered: they cost no request, and the policy may change.
    return { entry: failure((error as Error).message, refused, ctx), fetched: !byPolicy, changed: !byPolicy };
  }
}

async function acquireLocal(file: string, cached: ManifestEntry | undefined, ctx: AcquireContext): Promise<Acquired> {
  const stat = statSync(file);
  const stamp = `${stat.size}-${Math.round(stat.mtimeMs)}`;
  if (cached?.ok && cached.fileStamp === stamp && existsSync(originalPath(ctx.settings.cache, cached))) return { entry: cached, fetched: false, changed: false };
  if (stat.size > ctx.settings.maxBytes) return { entry: failure(`larger than ${ctx.settings.maxBytes} bytes`, true, ctx), fetched: false, changed: false };
  try {
    const entry = await store(readFileSync(file), ctx);
    return { entry: { ...entry, fileStamp: stamp }, fetched: false, changed: true };
  } catch (error) {
    return { entry: failure((error as Error).message, true, ctx), fetched: false, changed: false };
  }
}

async function store(bytes: Buffer, ctx: AcquireContext): Promise<ImageFacts> {
  const info = await inspectImage(bytes, ctx.settings.maxPixels);
  const hash = createHash("sha256").update(bytes).digest("hex");
  const facts: ImageFacts = { ok: true, hash, ...info, bytes: bytes.length, at: new Date(ctx.now).toISOString() };
  const target = originalPath(ctx.settings.cache, facts);
  if (!existsSync(target)) {
    mkdirSync(ctx.settings.cache.originals, { recursive: true });
    const tmp = `${target}.tmp-${process.pid}`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, target);
  }
  return facts;
}

function refusalOf(source: ImageSource | undefined): string | undefined {
  if (!source) return "not a URL";
  return source.kind === "refused" ? source.reason : source.kind === "local" ? "redirect to a local file" : undefined;
}

function failure(error: string, refused: boolean, ctx: AcquireContext): ImageFailure {
  return { ok: false, error, refused, at: new Date(ctx.now).toISOString() };
}
