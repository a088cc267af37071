// Byline dates as the sources write them, to ISO 8601 UTC. A date with no zone is read in the
// source's local time (NYT Chinese: Beijing; RFI: Paris), else UTC. Relative times ("19 分钟前")
// and bare days are not dates: the feed's own date is more precise.
import { DateTime, FixedOffsetZone } from "luxon";

const ZONES_BY_HOST: Array<[RegExp, string]> = [
  [/(^|\.)(nytimes\.com|nytimg\.com)$/, "Asia/Shanghai"],
  [/(^|\.)rfi\.fr$/, "Europe/Paris"],
];

/** The zone a source writes unzoned byline times in, from the item's link. */
export function zoneForLink(link: string | undefined): string {
  let host = "";
  try {
    host = link ? new URL(link).hostname : "";
  } catch {
    // An unparsable link tells us nothing about the zone.
  }
  return ZONES_BY_HOST.find(([re]) => re.test(host))?.[1] ?? "UTC";
}

const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i;
const RFC = /^(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(GMT|UTC|UT|Z|[+-]\d{4})?$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s*[-–—]?\s*(\d{1,2})[:h](\d{2})(?:\s*\(?\s*(?:UTC|GMT)\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?\s*\)?)?$/i;
const CJK = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$/;

// The date-time string format ECMAScript itself defines, with an explicit zone: Date reads it
// exactly as luxon does, at a fraction of the cost (most feed and byline dates are written so).
const ECMA_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** ISO UTC with milliseconds for a date in that format, else undefined. */
export function ecmaInstant(text: string): string | undefined {
  if (!ECMA_INSTANT.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** ISO UTC for a byline date, or undefined when the text is not a precise date. */
export function parseBylineDate(text: string, zone = "UTC"): string | undefined {
  const t = text.replace(/\s+/g, " ").trim();
  let dt: DateTime | undefined;
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(t))) {
    const offset = m[3] && !/^(UTC|GMT)$/i.test(m[3]) ? m[3] : m[3] ? "Z" : "";
    const iso = `${m[1]}T${m[2].padStart(5, "0")}${offset}`;
    const fast = offset && ecmaInstant(iso);
    if (fast && Number(fast.slice(0, 4)) >= 1990) return fast;
    dt = DateTime.fromISO(iso, { zone: offset ? "UTC" : zone });
  } else if (RFC.test(t)) {
    dt = DateTime.fromRFC2822(t.replace(/\b(GMT|UTC|UT)$/i, "+0000"), { zone });
  } else if ((m = DMY.exec(t))) {
    const stated = m[6] ? FixedOffsetZone.instance((m[6] === "-" ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8] ?? 0))) : /UTC|GMT/i.test(t) ? "UTC" : zone;
    dt = DateTime.fromObject({ year: +m[3], month: +m[2], day: +m[1], hour: +m[4], minute: +m[5] }, { zone: stated });
  } else if ((m = CJK.exec(t))) {
    dt = DateTime.fromObject({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0) }, { zone });
  }
  if (!dt?.isValid || dt.year < 1990) return undefined;
  return new Date(dt.toMillis()).toISOString();
}
