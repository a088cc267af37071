// The one entry point the ingest reads through: SOURCES (files, folders, http(s) URLs, OPML lists)
// in, one outcome per input out. A bad input yields an error and the run goes on; nothing throws.
import { promises as fs, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { decodeBytes } from "./charset.ts";
import { fetchUrl } from "./fetch-url.ts";
import type { RawItem } from "./raw-item.ts";
import { readText } from "./readers/index.ts";

export type ReadOutcome = { input: string; items: RawItem[]; warnings: string[] } | { input: string; error: string };

/**
 * A body the digest already fetched and saved: read from `file`, but named by its URL, decoded
 * with its HTTP charset, and resolved against the URL it was served from. It is web content, so
 * its items get no file:// asset base.
 */
export interface PrefetchedInput {
  file: string;
  url: string;
  contentType?: string;
  finalUrl?: string;
}

export interface ReadSourcesOptions {
  /** Per-input size cap in bytes (default 20 MB). */
  maxBytes?: number;
  /** Per-URL time limit in ms (default 20 s). */
  timeoutMs?: number;
}

type Loaded = { input: string; bytes: Uint8Array; contentType?: string; baseUrl?: string; assetBase?: string } | { input: string; error: string };

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const MAX_OPML_DEPTH = 4;

export async function* readSources(sources: (string | PrefetchedInput)[], opts: ReadSourcesOptions = {}): AsyncGenerator<ReadOutcome> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const seen = new Set<string>();

  async function* readSource(source: string, opmlDepth: number): AsyncGenerator<ReadOutcome> {
    const key = sourceKey(source);
    // Each input is read once per run: this skips duplicates and breaks OPML loops.
    if (seen.has(key)) return;
    seen.add(key);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
      const loaded = /^https?:/i.test(source)
        ? await loadUrl(source, maxBytes, opts.timeoutMs)
        : { input: source, error: `unsupported URL scheme (only http and https)` };
      yield* handle(loaded, opmlDepth);
      return;
    }
    const stat = await fs.stat(source).catch((err: NodeJS.ErrnoException) => err);
    if (stat instanceof Error) {
      yield { input: source, error: `cannot read: ${stat.code ?? stat.message}` };
    } else if (stat.isDirectory()) {
      const files = (await listFiles(source, seen)).filter((file) => !seen.has(path.resolve(file)));
      for (const file of files) seen.add(path.resolve(file));
      for (const file of files) yield* handle(loadFile(file, maxBytes), opmlDepth);
    } else {
      yield* handle(loadFile(source, maxBytes), opmlDepth);
    }
  }

  async function* handle(loaded: Loaded, opmlDepth: number): AsyncGenerator<ReadOutcome> {
    if ("error" in loaded) {
      yield loaded;
      return;
    }
    let result;
    try {
      const text = decodeBytes(loaded.bytes, loaded.contentType);
      result = readText(text, loaded.input, { baseUrl: loaded.baseUrl, assetBase: loaded.assetBase });
    } catch (err) {
      yield { input: loaded.input, error: reasonOf(err, loaded.input) };
      return;
    }
    if (result.kind === "items") {
      yield { input: loaded.input, items: result.items, warnings: result.warnings };
    } else if (opmlDepth >= MAX_OPML_DEPTH) {
      yield { input: loaded.input, error: `OPML lists nested more than ${MAX_OPML_DEPTH} deep` };
    } else {
      for (const feed of result.feeds) yield* readSource(feed, opmlDepth + 1);
    }
  }

  for (const source of sources) {
    if (typeof source === "string") yield* readSource(source, 0);
    else yield* handle(loadPrefetched(source, maxBytes), 0);
  }
}

function sourceKey(source: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    try {
      return new URL(source).href;
    } catch {
      return source;
    }
  }
  return path.resolve(source);
}

async function loadUrl(url: string, maxBytes: number, timeoutMs: number | undefined): Promise<Loaded> {
  try {
    const res = await fetchUrl(url, { maxBytes, timeoutMs });
    return { input: url, bytes: res.bytes, contentType: res.contentType, baseUrl: res.finalUrl };
  } catch (err) {
    return { input: url, error: reasonOf(err, url) };
  }
}

function loadPrefetched(source: PrefetchedInput, maxBytes: number): Loaded {
  const loaded = loadFile(source.file, maxBytes);
  if ("error" in loaded) return { input: source.url, error: loaded.error };
  return { input: source.url, bytes: loaded.bytes, contentType: source.contentType, baseUrl: source.finalUrl ?? source.url };
}

// Synchronous: local files are small and read one after another, and the sync calls cost a
// fraction of the CPU of fs/promises' round trips on the thread that also stores every item.
function loadFile(file: string, maxBytes: number): Loaded {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { input: file, error: "not a regular file" };
    if (stat.size > maxBytes) return { input: file, error: `${stat.size} bytes is over the ${maxBytes}-byte limit` };
    return { input: file, bytes: readFileSync(file), assetBase: pathToFileURL(path.resolve(file)).href };
  } catch (err) {
    return { input: file, error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
}

/**
 * How many files the local folders among `sources` hold, counted until `limit` is reached: an
 * early sign of a large run, before any is read (each file holds an item or more; files and URLs
 * named on their own count nothing).
 */
export async function countFolderFiles(sources: (string | PrefetchedInput)[], limit: number): Promise<number> {
  let count = 0;
  for (const source of sources) {
    if (count >= limit) break;
    if (typeof source !== "string" || /^[a-z][a-z0-9+.-]*:\/\//i.test(source)) continue;
    const stat = await fs.stat(source).catch(() => undefined);
    if (stat?.isDirectory()) count += (await listFiles(source, new Set())).length;
  }
  return count;
}

/** Every file under a folder, dotfiles and dot-folders skipped, in a stable sorted order. */
async function listFiles(dir: string, seen: Set<string>): Promise<string[]> {
  const real = await fs.realpath(dir).catch(() => dir);
  if (seen.has(`dir:${real}`)) return []; // a symlink cycle
  seen.add(`dir:${real}`);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((e) => !e.name.startsWith(".")).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of names) {
    const full = path.join(dir, entry.name);
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await fs.stat(full).then((s) => s.isDirectory(), () => false)));
    if (isDir) files.push(...(await listFiles(full, seen)));
    else files.push(full);
  }
  return files;
}

/** The reason alone: outcomes carry the input separately, and messages start with it. */
function reasonOf(err: unknown, input: string): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.startsWith(`${input}: `) ? message.slice(input.length + 2) : message;
}
