/**
 * Wall-clock time in an IANA time zone ↔ UTC instants, with Intl only (no tz database of our own).
 * Pure functions; used to read `date` values and date filters in the user's time zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short', // year 0 and earlier come out as "1 BC", "2 BC", …
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const HOUR_MS = 3_600_000;

/**
 * Per zone and UTC hour: the zone's offset through that hour, or null when it changes within it (a DST switch, e.g.
 * America/St_Johns at 05:30 UTC; zones change at most once an hour). Intl is asked twice per zone and hour, not once
 * per date: formatToParts was 2–3 % of the bot's CPU per update (docs/benchmarks-analysis.md) and the whole cost of a
 * CSV export's dates. Hours with a switch go through Intl date by date.
 */
const hourOffsets = new Map<string, Map<number, number | null>>();

function offsetThroughHour(instant: Date, timeZone: string): number | null {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  let zone = hourOffsets.get(timeZone);
  if (!zone) hourOffsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(hour);
  if (offset === undefined) {
    const start = exactOffsetMs(new Date(hour * HOUR_MS), timeZone);
    offset = start === exactOffsetMs(new Date((hour + 1) * HOUR_MS - 1000), timeZone) ? start : null;
    if (zone.size >= 50_000) zone.clear();
    zone.set(hour, offset);
  }
  return offset;
}

/** What the zone's clocks show at an instant. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const offsetMs = offsetThroughHour(instant, timeZone);
  if (offsetMs === null) return intlWallClock(instant, timeZone);
  const local = new Date(instant.getTime() + offsetMs);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** What the zone's clocks show at an instant, as Intl tells it (cached formatter per zone). */
function intlWallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  let beforeChrist = false;
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type === 'era') beforeChrist = p.value === 'BC';
    else if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = beforeChrist ? 1 - parts.year : parts.year;
  return {
    year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/**
 * Date.UTC without its two-digit-year quirk: Date.UTC(5, 0, 1) is 1905-01-01, utcMillis(5, 0, 1) is 0005-01-01.
 * Months from 0 and overflowing fields (day 0, day 32, hour 24) roll over as in Date.UTC.
 */
export function utcMillis(
  year: number,
  monthIndex: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

/** Offset of the zone from UTC at an instant, in milliseconds (Tashkent: +5 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  return offsetThroughHour(instant, timeZone) ?? exactOffsetMs(instant, timeZone);
}

/** zoneOffsetMs as Intl tells it. */
function exactOffsetMs(instant: Date, timeZone: string): number {
  const w = intlWallClock(instant, timeZone);
  const asUtc = utcMillis(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = instant.getTime() - (((instant.getTime() % 1000) + 1000) % 1000);
  return asUtc - whole;
}

/**
 * The instant at which the zone's clocks show this wall time. A wall time repeated by a DST change gives the
 * earlier instant; one skipped by it is read with the offset before the change (as Temporal's "compatible").
 */
export function zonedTimeToUtc(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): Date {
  const asUtc = utcMillis(year, month - 1, day, hour, minute, second, ms);
  const DAY = 86_400_000;
  const before = zoneOffsetMs(new Date(asUtc - DAY), timeZone);
  const after = zoneOffsetMs(new Date(asUtc + DAY), timeZone);
  const valid = [asUtc - before, asUtc - after].filter(
    (t) => zoneOffsetMs(new Date(t), timeZone) === asUtc - t,
  );
  return new Date(valid.length ? Math.min(...valid) : asUtc - before);
}

/** The local calendar date (YYYY-MM-DD) of an instant in the zone. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Is y-m-d a real calendar day? */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(utcMillis(year, month, 0)).getUTCDate();
}

/** "2026-11-29" → [2026, 11, 29] when it is a real date, else null. */
export function readIsoDate(value: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDate(y, mo, d) ? [y, mo, d] : null;
}

/** Midnight starting the local day `date` (YYYY-MM-DD) in the zone; `plusDays` moves to a later day. */
export function startOfLocalDay(date: [number, number, number], timeZone: string, plusDays = 0): Date {
  const next = new Date(utcMillis(date[0], date[1] - 1, date[2] + plusDays));
  return zonedTimeToUtc(timeZone, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

const ISO_DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A `date` value of the API: YYYY-MM-DD → that local day at 12:00 in the zone; an ISO 8601 date-time → that
 * instant (without an offset: wall time in the zone). Null when it is neither or not a real date/time.
 */
export function readDateOrDateTime(value: string, timeZone: string): Date | null {
  const text = value.trim();
  const day = readIsoDate(text);
  if (day) return zonedTimeToUtc(timeZone, day[0], day[1], day[2], 12);
  const m = ISO_DATETIME_RE.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  const zone = m[8];
  if (!zone) return zonedTimeToUtc(timeZone, y, mo, d, h, mi, s, ms);
  let offsetMin = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 23 || om > 59) return null;
    offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return new Date(utcMillis(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000);
}
