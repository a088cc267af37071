// The item's date: the byline's when the body has one, else the feed's, else the ingest time
// (flagged). Dates too far in the future are flagged for review, not dropped.
import { DateTime } from "luxon";
import { ecmaInstant } from "../clean/dates.ts";

export const FUTURE_TOLERANCE_HOURS = 6;

export interface ResolvedDate {
  date: string;
  flags: string[];
}

export function resolveDate(bylineDate: string | undefined, feedDate: string | undefined, now: Date): ResolvedDate {
  const flags: string[] = [];
  // The byline wins: the feed's date is read this way only when the body gave none.
  const fast = bylineDate ? ecmaInstant(bylineDate) : ecmaInstant(feedDate ?? "");
  if (fast) {
    const future = Date.parse(fast) > now.getTime() + FUTURE_TOLERANCE_HOURS * 3_600_000;
    return { date: fast, flags: future ? ["future-date"] : [] };
  }
  const parsed = [bylineDate, feedDate].map(toUtc).find((d) => d !== undefined);
  let date = parsed;
  if (!date) {
    flags.push("missing-date");
    date = DateTime.fromJSDate(now).toUTC();
  } else if (date.toMillis() > now.getTime() + FUTURE_TOLERANCE_HOURS * 3_600_000) {
    flags.push("future-date");
  }
  return { date: date.toISO({ suppressMilliseconds: false })!, flags };
}

function toUtc(value: string | undefined): DateTime | undefined {
  if (!value) return undefined;
  const d = DateTime.fromISO(value, { setZone: true });
  if (d.isValid) return d.toUTC();
  const rfc = DateTime.fromRFC2822(value);
  if (rfc.isValid) return rfc.toUTC();
  const js = new Date(value);
  return Number.isNaN(js.getTime()) ? undefined : DateTime.fromJSDate(js).toUTC();
}
