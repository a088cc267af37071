// The Pagefind index, built after Eleventy with Pagefind's Node API. By default one small record
// per article (title, summary, topics, source) from the item index, because full text on Chinese
// costs ~7x the time and memory (DESIGN.md); `search.fullText` indexes the article pages instead.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import * as pagefind from "pagefind";
import { translate } from "./i18n.ts";
import type { SiteModel } from "./site-model.ts";
import type { SiteConfig } from "./site-config.ts";

export interface SearchIndexStats {
  records: number;
  mode: "metadata" | "fullText";
  /** Peak resident memory of the Pagefind process, when the OS reports it. */
  pagefindPeakRssMb?: number;
  errors: string[];
}

/** What Pagefind indexes: an item's record, or (full text) its rendered page. */
export type SearchEntry =
  | { url: string; page: string }
  | { url: string; content: string; language: string; meta: Record<string, string>; filters: Record<string, string[]> };

export interface SearchJob {
  outputDir: string;
  language: string;
  mode: SearchIndexStats["mode"];
  entries: SearchEntry[];
}

/**
 * The search index of a build. Records are indexed in a worker thread, so that the build can run
 * Eleventy meanwhile: Pagefind replies over a pipe, which a busy main thread would leave unread.
 */
export async function buildSearchIndex(outputDir: string, model: SiteModel, site: SiteConfig): Promise<SearchIndexStats> {
  const job = searchJob(outputDir, model, site);
  return job.mode === "fullText" ? writeSearchIndex(job) : inWorker(job);
}

export function searchJob(outputDir: string, model: SiteModel, site: SiteConfig): SearchJob {
  // Filter names are what the search page shows: in the site's language.
  const topicFilter = translate("topics", site.lang);
  const sourceFilter = translate("source", site.lang);
  const entries: SearchEntry[] = model.items.map((item) =>
    site.search.fullText
      ? { url: item.url, page: path.join(outputDir, item.url, "index.html") }
      : {
          url: item.url,
          content: [item.title, item.summary, item.topics.map((t) => t.name).join(" "), item.source.name].join("\n"),
          language: pagefindLanguage(item.lang),
          meta: { title: item.title, source: item.source.name, date: item.date.slice(0, 10) },
          filters: { [topicFilter]: item.topics.map((t) => t.name), [sourceFilter]: [item.source.name] },
        },
  );
  return { outputDir, language: pagefindLanguage(site.lang), mode: site.search.fullText ? "fullText" : "metadata", entries };
}

export async function writeSearchIndex(job: SearchJob): Promise<SearchIndexStats> {
  const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: job.language });
  if (!index) throw new Error(`pagefind: ${createErrors.join("; ")}`);
  const errors: string[] = [...createErrors];
  try {
    // Every record is sent at once (Pagefind takes them in order over one channel), rather than
    // waiting for each reply: one round trip per record made this stage slow on large sites.
    const responses = await Promise.all(
      job.entries.map((entry) =>
        "page" in entry ? index.addHTMLFile({ url: entry.url, content: readFileSync(entry.page, "utf8") }) : index.addCustomRecord(entry),
      ),
    );
    for (const response of responses) errors.push(...response.errors);
    const written = await index.writeFiles({ outputPath: path.join(job.outputDir, "pagefind") });
    errors.push(...written.errors);
    return { records: job.entries.length, mode: job.mode, pagefindPeakRssMb: pagefindPeakRss(), errors };
  } finally {
    await pagefind.close();
  }
}

function inWorker(job: SearchJob): Promise<SearchIndexStats> {
  const entry = new URL("./search-index-worker.ts", import.meta.url).href;
  const worker = new Worker(new URL("../workers/worker-boot.mjs", import.meta.url), { workerData: { entry, job } });
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
