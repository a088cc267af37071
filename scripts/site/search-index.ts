// The Pagefind index, built with Pagefind's Node API in bundles (search-shards.ts). By default one
// small record per article (title, summary, topics, source) from the item index, because full
// text on Chinese costs ~7x the time and memory (DESIGN.md); `search.fullText` indexes the article
// pages instead. A bundle whose records are unchanged since the previous build is hard-linked from
// it rather than indexed again: Pagefind's output is a pure function of its records.
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { startWorker } from "../workers/start-worker.ts";
import { translate } from "./i18n.ts";
import { searchShards } from "./search-shards.ts";
import type { SiteModel } from "./site-model.ts";
import type { SiteConfig } from "./site-config.ts";

/** Bump when what a bundle holds changes in a way its records would not show. */
const SEARCH_KEY_VERSION = 2;

/**
 * Item records per fragment file. Pagefind writes one small file per record unless told to group
 * them; 10,000 records made 10,000 files, which cost about 5 s of Pagefind's CPU time (mostly
 * creating files) and a deploy as many uploads. A search result then loads its group (~10
 * records' titles and summaries, a few KB). Full-text fragments hold whole articles, so they stay
 * one per file.
 */
const RECORDS_PER_FRAGMENT_FILE = 10;

export interface SearchIndexStats {
  records: number;
  mode: "metadata" | "fullText";
  /** Bundles in the index, and how many of them were indexed (the rest were kept). */
  bundles: number;
  indexed: number;
  /** Bundle site path → the key of its records, for the next build's manifest. */
  keys: Record<string, string>;
  /** Peak resident memory of the Pagefind process, when the OS reports it. */
  pagefindPeakRssMb?: number;
  errors: string[];
}

/** What Pagefind indexes: an item's record, or (full text) its rendered page. */
export type SearchEntry =
  | { url: string; page: string }
  | { url: string; content: string; language: string; meta: Record<string, string>; filters: Record<string, string[]> };

export interface BundleJob {
  /** Site path of the bundle folder. */
  path: string;
  primary: boolean;
  key: string;
  entries: SearchEntry[];
  /** The same bundle in the previous build, to link instead of indexing. */
  keepFrom?: string;
}

export interface SearchJob {
  outputDir: string;
  language: string;
  mode: SearchIndexStats["mode"];
  bundles: BundleJob[];
}

/** The previous build's bundles: its output folder and bundle path → key. */
export interface PreviousSearch {
  dir: string;
  keys?: Record<string, string>;
}

/**
 * The search index of a build. Records are indexed in a worker thread, so that the build can run
 * Eleventy meanwhile: Pagefind replies over a pipe, which a busy main thread would leave unread.
 */
export async function buildSearchIndex(outputDir: string, model: SiteModel, site: SiteConfig, previous?: PreviousSearch): Promise<SearchIndexStats> {
  const job = searchJob(outputDir, model, site, previous);
  return job.mode === "fullText" ? writeSearchIndex(job) : inWorker(job);
}

export function searchJob(outputDir: string, model: SiteModel, site: SiteConfig, previous?: PreviousSearch): SearchJob {
  const language = pagefindLanguage(site.lang);
  const mode = site.search.fullText ? "fullText" : "metadata";
  // Filter names are what the search page shows: in the site's language.
  const topicFilter = translate("topics", site.lang);
  const sourceFilter = translate("source", site.lang);
  const entryOf = (item: SiteModel["items"][number]): SearchEntry =>
    site.search.fullText
      ? { url: item.url, page: path.join(outputDir, item.url, "index.html") }
      : {
          url: item.url,
          content: [item.title, item.summary, item.topics.map((t) => t.name).join(" "), item.source.name].join("\n"),
          language: pagefindLanguage(item.lang),
          meta: { title: item.title, source: item.source.name, date: item.date.slice(0, 10) },
          filters: { [topicFilter]: item.topics.map((t) => t.name), [sourceFilter]: [item.source.name] },
        };
  const previousByKey = new Map(Object.entries(previous?.keys ?? {}).map(([bundlePath, key]) => [key, bundlePath]));
  const bundles = searchShards(model).map((shard): BundleJob => {
    const entries = shard.items.map(entryOf);
    const key = bundleKey(language, mode, shard.primary, entries);
    const kept = previousByKey.get(key);
    return { path: shard.path, primary: shard.primary, key, entries, ...(kept && previous ? { keepFrom: path.join(previous.dir, kept) } : {}) };
  });
  return { outputDir, language, mode, bundles };
}

export async function writeSearchIndex(job: SearchJob): Promise<SearchIndexStats> {
  const errors: string[] = [];
  let indexed = 0;
  try {
    for (const bundle of job.bundles) {
      const target = path.join(job.outputDir, bundle.path);
      if (bundle.keepFrom && linkTree(bundle.keepFrom, target)) continue;
      indexed++;
      errors.push(...(await indexBundle(job, bundle, target)).map((e) => `${bundle.path}: ${e}`));
    }
    const records = job.bundles.reduce((n, b) => n + b.entries.length, 0);
    const keys = Object.fromEntries(job.bundles.map((b) => [b.path, b.key]));
    return { records, mode: job.mode, bundles: job.bundles.length, indexed, keys, pagefindPeakRssMb: indexed ? pagefindPeakRss() : undefined, errors };
  } finally {
    if (indexed) await pagefind.close();
  }
}

async function indexBundle(job: SearchJob, bundle: BundleJob, target: string): Promise<string[]> {
  const maxFragments = job.mode === "metadata" ? Math.max(1, Math.ceil(bundle.entries.length / RECORDS_PER_FRAGMENT_FILE)) : undefined;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: job.language, ...(maxFragments ? { maxFragments } : {}) });
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  // Every record is sent at once (Pagefind takes them in order over one channel), rather than
  // waiting for each reply: one round trip per record made this stage slow on large sites.
  const responses = await Promise.all(
    bundle.entries.map((entry) =>
      "page" in entry ? index.addHTMLFile({ url: entry.url, content: readFileSync(entry.page, "utf8") }) : index.addCustomRecord(entry),
    ),
  );
  for (const response of responses) errors.push(...response.errors);
  const written = await index.writeFiles({ outputPath: target });
  errors.push(...written.errors);
  await index.deleteIndex();
  // A merged bundle is read by the primary bundle's scripts: its own UI scripts would be dead weight.
  if (!bundle.primary) for (const name of readdirSync(target)) if (/\.(js|css)$/.test(name)) rmSync(path.join(target, name));
  return errors;
}

/** Hard-links every file of `from` into `to`; false (and nothing left behind) when `from` is not a bundle. */
function linkTree(from: string, to: string): boolean {
  if (!existsSync(path.join(from, "pagefind-entry.json"))) return false;
  for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
    const rel = path.relative(from, path.join(entry.parentPath, entry.name));
    if (entry.isDirectory()) mkdirSync(path.join(to, rel), { recursive: true });
    else {
      mkdirSync(path.dirname(path.join(to, rel)), { recursive: true });
      linkSync(path.join(from, rel), path.join(to, rel));
    }
  }
  return true;
}

/** What a bundle is made from: its records (for full text, the pages' bytes) and how they are indexed. */
function bundleKey(language: string, mode: SearchIndexStats["mode"], primary: boolean, entries: SearchEntry[]): string {
  const hash = createHash("sha256").update(`gazette-search ${SEARCH_KEY_VERSION} pagefind ${pagefindVersion()} ${language} ${mode} ${primary}\n`);
  for (const entry of entries) {
    if ("page" in entry) hash.update(`${entry.url}\n`).update(readFileSync(entry.page));
    else hash.update(`${JSON.stringify(entry)}\n`);
  }
  return hash.digest("hex");
}

let version: string | undefined;
function pagefindVersion(): string {
  if (version) return version;
  // The package's exports hide its package.json: find it beside the resolved entry point.
  let dir = path.dirname(fileURLToPath(import.meta.resolve("pagefind")));
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "pagefind") return (version = pkg.version ?? "unknown");
    } catch {
      // Not this folder: go up.
    }
  }
  return (version = "unknown");
}

function inWorker(job: SearchJob): Promise<SearchIndexStats> {
  const worker = startWorker(new URL("./search-index-worker.ts", import.meta.url), { workerData: { job } });
  return new Promise<SearchIndexStats>((resolve, reject) => {
    worker.once("message", (reply: { ok: true; stats: SearchIndexStats } | { ok: false; error: string }) => {
      if (reply.ok) resolve(reply.stats);
      else reject(new Error(`search index: ${reply.error}`));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`search index: the worker stopped (exit code ${code})`)));
  });
}

/** Pagefind wants ISO 639-1; every Chinese script shares one "zh" index. */
function pagefindLanguage(lang: string): string {
  return lang.split("-")[0].toLowerCase() || "unknown";
}

/** VmHWM of our pagefind child process (Linux only; undefined elsewhere). */
function pagefindPeakRss(): number | undefined {
  try {
    // Any thread of ours may have started it (a worker thread is a task of its own).
    const tasks = readdirSync(`/proc/${process.pid}/task`);
    const children = tasks.flatMap((tid) => readFileSync(`/proc/${process.pid}/task/${tid}/children`, "utf8").trim().split(/\s+/)).filter(Boolean);
    for (const pid of children) {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      if (!/^Name:\s*pagefind/m.test(status)) continue;
      const kb = /^VmHWM:\s*(\d+)/m.exec(status)?.[1];
      if (kb) return Math.round(Number(kb) / 1024);
    }
  } catch {
    // Not Linux, or /proc hidden: the figure is optional.
  }
  return undefined;
}
