// Dates shown to readers: luxon in the site's zone and locale ("2023年9月14日", "19:34").
import { DateTime } from "luxon";

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

export function formatDate(value: unknown, style: DateStyle, ctx: DateContext): string {
  const d = local(value, ctx);
  if (!d.isValid) return "";
  switch (style) {
    case "date":
      return d.toLocaleString(DateTime.DATE_FULL);
    case "time":
      return d.toLocaleString(DateTime.TIME_SIMPLE);
    case "month":
      return d.toLocaleString({ year: "numeric", month: "long" });
    case "dayShort":
      return d.toLocaleString({ month: "long", day: "numeric", weekday: "short" });
    case "iso":
      return d.toISO() ?? "";
    case "rfc822":
      return d.setZone("utc").toRFC2822() ?? "";
  }
}

/** A day key ("2023-09-14") shown as a full local date; noon avoids zone edge cases. */
export function formatDayKey(key: string, style: "date" | "dayShort", ctx: DateContext): string {
  const d = DateTime.fromISO(`${key}T12:00:00`, { zone: ctx.timezone }).setLocale(ctx.lang);
  return d.isValid ? d.toLocaleString(style === "date" ? DateTime.DATE_FULL : { month: "long", day: "numeric", weekday: "short" }) : key;
}

export function formatMonthKey(key: string, ctx: DateContext): string {
  const d = DateTime.fromISO(`${key}-15T12:00:00`, { zone: ctx.timezone }).setLocale(ctx.lang);
  return d.isValid ? d.toLocaleString({ year: "numeric", month: "long" }) : key;
}
