// Dates shown to readers: luxon in the site's zone and locale ("2023年9月14日", "19:34").
import { DateTime, IANAZone, Info } from "luxon";

export interface DateContext {
  timezone: string;
  lang: string;
}

/** Front matter dates arrive as strings (index JSON) or Date objects (YAML timestamps). */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value;
  throw new Error(`not a date: ${String(value)}`);
}

function local(value: unknown, ctx: DateContext): DateTime {
  return DateTime.fromISO(toIso(value), { zone: "utc" }).setZone(ctx.timezone).setLocale(ctx.lang);
}

export type DateStyle = "date" | "time" | "month" | "dayShort" | "iso" | "rfc822";

const LOCAL_FORMATS: Record<Exclude<DateStyle, "iso" | "rfc822">, Intl.DateTimeFormatOptions> = {
  date: DateTime.DATE_FULL,
  time: DateTime.TIME_SIMPLE,
  month: { year: "numeric", month: "long" },
  dayShort: { month: "long", day: "numeric", weekday: "short" },
};

export function formatDate(value: unknown, style: DateStyle, ctx: DateContext): string {
  if (style === "iso" && isIanaZone(ctx.timezone)) {
    // Every item card has a <time datetime>: tens of thousands a build. Luxon's own zone offset,
    // written out by hand, costs a fraction of a zoned DateTime (it falls back to one whenever
    // the two could differ).
    const at = instantOf(toIso(value));
    if (!at) return "";
    const fast = zonedIso(at, ctx.timezone);
    if (fast !== undefined) return fast;
  }
  if (style !== "iso" && style !== "rfc822" && isIanaZone(ctx.timezone)) {
    // What luxon's toLocaleString(options) gives, from one Intl formatter per style, zone and
    // language instead of a zoned DateTime and a formatter per call (15x faster; a site formats
    // ~15 dates a page). Luxon formats fixed-offset zones (UTC) its own way: those stay with it.
    const at = instantOf(toIso(value));
    return at ? localFormatter(style, ctx).format(at) : "";
  }
  const d = local(value, ctx);
  if (!d.isValid) return "";
  switch (style) {
    case "iso":
      return d.toISO() ?? "";
    case "rfc822":
      return d.setZone("utc").toRFC2822() ?? "";
    default:
      return d.toLocaleString(LOCAL_FORMATS[style]);
  }
}

/** The instant an ISO date names, read as luxon reads it (UTC when it has no offset); undefined when invalid. */
export function instantOf(iso: string): Date | undefined {
  // A full timestamp with its offset means the same to Date as to luxon, but Date rolls Feb 30
  // over to March: past the 28th, the day must come back unchanged. Everything else goes to luxon.
  if (ZONED_TIMESTAMP.test(iso)) {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return undefined;
    if (iso.slice(8, 10) <= "28" || sameCalendarDay(iso, at)) return at;
  }
  const d = DateTime.fromISO(iso, { zone: "utc" });
  return d.isValid ? d.toJSDate() : undefined;
}

/**
 * What luxon's toISO() gives for an instant in an IANA zone ("2024-03-10T10:00:00.000+08:00"), or
 * undefined where the fast way might not: offsets with seconds (before standard time) and years
 * outside 1000 to 9999.
 */
function zonedIso(at: Date, zone: string): string | undefined {
  const ms = at.getTime();
  const offset = IANAZone.create(zone).offset(ms);
  if (!Number.isInteger(offset)) return undefined;
  const wall = new Date(ms + offset * 60_000).toISOString();
  if (wall.length !== 24) return undefined;
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  const year = Number(wall.slice(0, 4));
  return year >= 1000 ? `${wall.slice(0, 23)}${offset < 0 ? "-" : "+"}${hhmm}` : undefined;
}

/** Whether the instant, at the timestamp's own offset, falls on the day the timestamp names. */
function sameCalendarDay(iso: string, at: Date): boolean {
  const offset = /([+-])(\d\d):(\d\d)$/.exec(iso);
  const minutes = offset ? (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return new Date(at.getTime() + minutes * 60_000).toISOString().slice(0, 10) === iso.slice(0, 10);
}

const ZONED_TIMESTAMP = /^\d{4}-[01]\d-[0-3]\dT([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-][01]\d:[0-5]\d)$/;

const ianaZones = new Map<string, boolean>();

/** Whether a zone is an IANA name (Intl formats it exactly as luxon does). */
export function isIanaZone(zone: string): boolean {
  let iana = ianaZones.get(zone);
  if (iana === undefined) ianaZones.set(zone, (iana = Info.normalizeZone(zone).type === "iana"));
  return iana;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localFormatter(style: keyof typeof LOCAL_FORMATS, ctx: DateContext): Intl.DateTimeFormat {
  const key = `${style}|${ctx.timezone}|${ctx.lang}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(ctx.lang, { ...LOCAL_FORMATS[style], timeZone: ctx.timezone })));
  return formatter;
}

/**
 * A day key ("2023-09-14") shown as a full local date. The key is the calendar day itself, so it
 * is formatted at UTC noon by a UTC formatter: what luxon gave for noon in the site's zone, at a
 * fraction of the cost (a build labels thousands of days).
 */
export function formatDayKey(key: string, style: "date" | "dayShort", ctx: DateContext): string {
  const at = calendarDay(key);
  return at ? localFormatter(style, { timezone: "UTC", lang: ctx.lang }).format(at) : key;
}

export function formatMonthKey(key: string, ctx: DateContext): string {
  const at = calendarDay(`${key}-15`);
  return at ? localFormatter("month", { timezone: "UTC", lang: ctx.lang }).format(at) : key;
}

/** Noon UTC of a "YYYY-MM-DD" calendar day; undefined for anything else (Feb 30 included). */
function calendarDay(day: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const at = new Date(`${day}T12:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === day ? at : undefined;
}
