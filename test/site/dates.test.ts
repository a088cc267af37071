import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime } from "luxon";
import { formatDate, formatDayKey, formatMonthKey, instantOf, type DateStyle } from "../../scripts/site/dates.ts";
import { dayKey } from "../../scripts/site/urls.ts";

const LUXON_FORMATS: Record<Exclude<DateStyle, "iso" | "rfc822">, Intl.DateTimeFormatOptions> = {
  date: DateTime.DATE_FULL,
  time: DateTime.TIME_SIMPLE,
  month: { year: "numeric", month: "long" },
  dayShort: { month: "long", day: "numeric", weekday: "short" },
};

test("local dates read exactly as luxon writes them, in any zone and language", () => {
  // Every ~13 h 29 min for two years (all days of the month, both DST switches), offsets, and bad dates.
  const stamps = Array.from({ length: 1300 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 48_524_000).toISOString());
  stamps.push("2023-09-14T11:34:28.859Z", "2024-03-10T02:30:00+08:00", "2024-03-31T01:30-05:30", "2024-02-30T10:00:00Z", "2023-02-29T10:00:00Z", "2024-10-27T00:30:00.123456Z", "2024-03-10", "2024-03-10T10:00:00", "2024-13-01T00:00:00Z", "nonsense");
  let compared = 0;
  for (const lang of ["zh-Hans", "zh-Hant", "en"]) {
    for (const timezone of ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC", "Etc/GMT-3"]) {
      for (const iso of stamps) {
        const zoned = DateTime.fromISO(iso, { zone: "utc" }).setZone(timezone).setLocale(lang);
        for (const [style, options] of Object.entries(LUXON_FORMATS)) {
          const expected = zoned.isValid ? zoned.toLocaleString(options) : "";
          assert.equal(formatDate(iso, style as DateStyle, { timezone, lang }), expected, `${iso} ${style} in ${timezone}, ${lang}`);
          compared++;
        }
      }
    }
  }
  assert.equal(compared, 3 * 5 * 1310 * 4);
  assert.equal(formatDate(new Date("2023-09-14T11:34:28.859Z"), "date", { timezone: "Asia/Shanghai", lang: "zh-Hans" }), "2023年9月14日");
});

test("instantOf reads a date string as Eleventy does (luxon, UTC when there is no offset), so Eleventy may use it", () => {
  const stamps = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 86_399_000).toISOString());
  stamps.push("2024-03-10T02:30:00+08:00", "2024-03-31T01:30-05:30", "2024-02-29T23:59:59.999-11:00", "2024-02-30T10:00:00Z", "2023-02-29T10:00:00Z");
  stamps.push("2024-10-27T00:30:00.123456Z", "2024-03-10", "2024-03-10T10:00:00", "2024-13-01T00:00:00Z", "last modified", "git created", "nonsense", "");
  for (const iso of stamps) {
    const luxon = DateTime.fromISO(iso, { zone: "utc" });
    assert.equal(instantOf(iso)?.getTime(), luxon.isValid ? luxon.toMillis() : undefined, iso);
  }
});

test("ISO timestamps in the site's zone read exactly as luxon's toISO() writes them", () => {
  // Every ~13 h 29 min for two years (both DST switches), far past and future, offsets, bad dates.
  const stamps = Array.from({ length: 1300 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 48_524_000).toISOString());
  stamps.push(
    "2023-09-14T11:34:28.859Z", "2024-03-10T02:30:00+08:00", "2024-03-31T01:30-05:30", "2024-02-30T10:00:00Z",
    "2024-10-27T00:30:00.123456Z", "2024-03-10", "2024-03-10T10:00:00", "2024-13-01T00:00:00Z", "nonsense",
    "1850-06-01T12:00:00Z", "1900-01-01T00:00:00Z", "0999-05-01T00:00:00Z", "9999-12-31T23:00:00Z", "1969-12-31T23:59:59.999Z",
  );
  const zones = ["Asia/Shanghai", "Asia/Kathmandu", "Pacific/Chatham", "America/St_Johns", "Europe/London", "America/New_York", "Etc/UTC", "UTC", "Etc/GMT-3", "Africa/Monrovia"];
  let compared = 0;
  for (const timezone of zones) {
    for (const iso of stamps) {
      const zoned = DateTime.fromISO(iso, { zone: "utc" }).setZone(timezone);
      assert.equal(formatDate(iso, "iso", { timezone, lang: "zh-Hans" }), zoned.isValid ? zoned.toISO() : "", `${iso} in ${timezone}`);
      compared++;
    }
  }
  assert.equal(compared, zones.length * 1314);
  assert.equal(formatDate(new Date("2023-09-14T11:34:28.859Z"), "iso", { timezone: "Asia/Kathmandu", lang: "en" }), "2023-09-14T17:19:28.859+05:45");
});

test("an item's local day is the one luxon gives, in any zone", () => {
  const stamps = Array.from({ length: 1300 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 48_524_000).toISOString());
  stamps.push("2024-03-10T02:30:00+08:00", "2024-03-31T01:30-05:30", "2024-10-27T00:30:00.123456Z", "2024-03-10", "2024-03-10T23:59:59", "0999-05-01T00:00:00Z", "2024-12-31T23:30:00-01:00", "2024-06-30T24:00:00Z");
  for (const zone of ["Asia/Shanghai", "Asia/Taipei", "Europe/Berlin", "America/New_York", "Pacific/Kiritimati", "UTC", "Etc/GMT-3", "UTC+8"]) {
    for (const iso of stamps) {
      const d = DateTime.fromISO(iso, { zone: "utc" }).setZone(zone);
      if (d.isValid) assert.equal(dayKey(iso, zone), d.toFormat("yyyy-LL-dd"), `${iso} in ${zone}`);
      else assert.throws(() => dayKey(iso, zone), /invalid date/, `${iso} in ${zone}`);
    }
  }
});

test("day and month labels read exactly as luxon wrote them at noon in the site's zone", () => {
  const days = Array.from({ length: 800 }, (_, i) => new Date(Date.UTC(2023, 11, 1) + i * 86_400_000).toISOString().slice(0, 10));
  const bad = ["2024-02-30", "2023-02-29", "2024-13-01", "2024-1-05", "nonsense", ""];
  let compared = 0;
  for (const lang of ["zh-Hans", "zh-Hant", "en"]) {
    for (const timezone of ["Asia/Shanghai", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York"]) {
      const ctx = { timezone, lang };
      for (const key of [...days, ...bad]) {
        const noon = DateTime.fromISO(`${key}T12:00:00`, { zone: timezone }).setLocale(lang);
        for (const style of ["date", "dayShort"] as const) {
          const expected = noon.isValid ? noon.toLocaleString(LUXON_FORMATS[style]) : key;
          assert.equal(formatDayKey(key, style, ctx), expected, `${key} ${style} in ${timezone}, ${lang}`);
          compared++;
        }
        const month = key.slice(0, 7);
        const mid = DateTime.fromISO(`${month}-15T12:00:00`, { zone: timezone }).setLocale(lang);
        assert.equal(formatMonthKey(month, ctx), mid.isValid ? mid.toLocaleString(LUXON_FORMATS.month) : month, `${month} in ${timezone}, ${lang}`);
      }
    }
  }
  assert.ok(compared > 19_000);
});
