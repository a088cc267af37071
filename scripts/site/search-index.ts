// The Pagefind index, built after Eleventy with Pagefind's Node API. By default one small record
// per article (title, summary, topics, source) from the item index, because full text on Chinese
// costs ~7x the time and memory (DESIGN.md); `search.fullText` indexes the article pages instead.
import { readFileSync } from "node:fs";
import path from "node:path";
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

export async function buildSearchIndex(outputDir: string, model: SiteModel, site: SiteConfig): Promise<SearchIndexStats> {
  const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: pagefindLanguage(site.lang) });
  if (!index) throw new Error(`pagefind: ${createErrors.join("; ")}`);
  const errors: string[] = [...createErrors];
  try {
    // Filter names are what the search page shows: in the site's language.
    const topicFilter = translate("topics", site.lang);
    const sourceFilter = translate("source", site.lang);
    // Every record is sent at once (Pagefind takes them in order over one channel), rather than
    // waiting for each reply: one round trip per record made this stage slow on large sites.
    const responses = await Promise.all(
      model.items.map((item) =>
        site.search.fullText
          ? index.addHTMLFile({ url: item.url, content: readFileSync(path.join(outputDir, item.url, "index.html"), "utf8") })
          : index.addCustomRecord({
              url: item.url,
              content: [item.title, item.summary, item.topics.map((t) => t.name).join(" "), item.source.name].join("\n"),
              language: pagefindLanguage(item.lang),
              meta: { title: item.title, source: item.source.name, date: item.date.slice(0, 10) },
              filters: { [topicFilter]: item.topics.map((t) => t.name), [sourceFilter]: [item.source.name] },
            }),
      ),
    );
    for (const response of responses) errors.push(...response.errors);
    const written = await index.writeFiles({ outputPath: path.join(outputDir, "pagefind") });
    errors.push(...written.errors);
    const pagefindPeakRssMb = pagefindPeakRss();
    return { records: model.items.length, mode: site.search.fullText ? "fullText" : "metadata", pagefindPeakRssMb, errors };
  } finally {
    await pagefind.close();
  }
}

/** Pagefind wants ISO 639-1; every Chinese script shares one "zh" index. */
function pagefindLanguage(lang: string): string {
  return lang.split("-")[0].toLowerCase() || "unknown";
}

/** VmHWM of our pagefind child process (Linux only; undefined elsewhere). */
function pagefindPeakRss(): number | undefined {
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, "utf8").trim().split(/\s+/);
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
