// Reader for archived item files (the seed/archive format):
//   line 1  <!--epoch ms-->      (may be missing or NaN)
//   line 2  [title](url)         (the title may hold brackets; the URL holds no whitespace)
//   line 3  ------
//   then the item's HTML. Variants: YAML front matter instead of lines 1-3, and a `日期：` line
//   right after the dashes.
import yaml from "js-yaml";
import { ReadError, type RawItem } from "../raw-item.ts";

const TIMESTAMP = /^<!--\s*(-?\d+|NaN)?\s*-->\s*$/;
// Greedy title up to the last "](" so titles holding brackets survive; the URL has no whitespace.
const TITLE_LINK = /^\[(.*)\]\((\S*)\)\s*$/;
const DASHES = /^-{3,}\s*$/;
const DATE_LINE = /^\s*日期[：:]\s*(.+?)\s*$/;

/** True when the text looks like an archived item (used by format detection). */
export function looksLikeArchive(text: string): boolean {
  const lines = firstLines(stripBom(text), 4);
  if (lines[0] !== undefined && /^---\s*$/.test(lines[0])) return /^(title|link|url):/m.test(text.slice(0, 2000));
  const start = lines[0] !== undefined && TIMESTAMP.test(lines[0]) ? 1 : 0;
  return TITLE_LINK.test(lines[start] ?? "") && DASHES.test(lines[start + 1] ?? "");
}

export function readArchive(text: string, input: string): RawItem[] {
  const body = stripBom(text).replace(/\r\n?/g, "\n");
  if (/^---\n/.test(body)) return [readFrontMatterVariant(body, input)];

  const lines = body.split("\n");
  let i = 0;
  let date: string | undefined;
  const stamp = TIMESTAMP.exec(lines[0] ?? "");
  if (stamp) {
    date = epochToIso(stamp[1]);
    i = 1;
  }
  const titleLink = TITLE_LINK.exec(lines[i] ?? "");
  if (!titleLink || !DASHES.test(lines[i + 1] ?? "")) {
    throw new ReadError(input, "not an archived item: expected `[title](url)` then a line of dashes");
  }
  let rest = lines.slice(i + 2);
  // Skip blank lines, then an optional 日期： line (its date wins over a missing timestamp only).
  const firstText = rest.findIndex((l) => l.trim() !== "");
  if (firstText >= 0) {
    const m = DATE_LINE.exec(rest[firstText]);
    if (m) {
      date ??= parseLooseDate(m[1]);
      rest = rest.slice(firstText + 1);
    }
  }
  const link = titleLink[2].trim();
  return [
    {
      input,
      index: 0,
      format: "archive",
      title: titleLink[1].trim() || undefined,
      link: link || undefined,
      date,
      categories: [],
      html: rest.join("\n").trim(),
      media: [],
      baseUrl: link || undefined,
    },
  ];
}

function readFrontMatterVariant(body: string, input: string): RawItem {
  const end = body.indexOf("\n---", 4);
  if (end < 0) throw new ReadError(input, "front matter is not closed by ---");
  let data: Record<string, unknown>;
  try {
    data = (yaml.load(body.slice(4, end)) ?? {}) as Record<string, unknown>;
  } catch (err) {
    throw new ReadError(input, `front matter is not valid YAML: ${(err as Error).message}`);
  }
  const html = body.slice(end + 4).replace(/^[^\n]*\n/, "").trim();
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : v instanceof Date ? v.toISOString() : undefined);
  const link = str(data.link) ?? str(data.url);
  const rawDate = data.date ?? data.pubDate ?? data.published;
  const tags = data.tags ?? data.categories ?? data.topics;
  return {
    input,
    index: 0,
    format: "archive",
    guid: str(data.guid) ?? str(data.id),
    title: str(data.title),
    link,
    date: rawDate instanceof Date ? rawDate.toISOString() : typeof rawDate === "number" ? epochToIso(String(rawDate)) : typeof rawDate === "string" ? parseLooseDate(rawDate) : undefined,
    author: str(data.author),
    categories: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [],
    html,
    media: [],
    baseUrl: link,
    lang: str(data.lang),
    extra: data,
  };
}

function epochToIso(value: string | undefined): string | undefined {
  if (!value || value === "NaN") return undefined;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Dates as written in archive variants: ISO, `2023-09-14 11:34`, `2023年9月14日`. */
function parseLooseDate(text: string): string | undefined {
  const cjk = /(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})[:：](\d{2}))?/.exec(text);
  const iso = cjk
    ? `${cjk[1]}-${cjk[2].padStart(2, "0")}-${cjk[3].padStart(2, "0")}T${(cjk[4] ?? "00").padStart(2, "0")}:${cjk[5] ?? "00"}:00Z`
    : text.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, "$1T$2");
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstLines(text: string, n: number): string[] {
  return text.split(/\r?\n/, n);
}
