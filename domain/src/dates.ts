/**
 * Working days in Finland: Monday to Friday, except the public holidays and the two eves that are
 * days off in practice (juhannusaatto, jouluaatto). Dates are calendar days in Finland
 * (Europe/Helsinki), written YYYY-MM-DD.
 */

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const plus = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/** Easter Sunday (Gregorian; the anonymous algorithm). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

/** The first given weekday (0 = Sunday … 6 = Saturday) on or after a date. */
const weekdayOnOrAfter = (d: Date, weekday: number) => plus(d, (weekday - d.getUTCDay() + 7) % 7);

const cache = new Map<number, Map<string, string>>();

/** Days off in a year, date → Finnish name. */
export function holidays(year: number): Map<string, string> {
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const days: Array<[Date, string]> = [
    [utc(year, 1, 1), "uudenvuodenpäivä"],
    [utc(year, 1, 6), "loppiainen"],
    [plus(easter, -2), "pitkäperjantai"],
    [easter, "pääsiäispäivä"],
    [plus(easter, 1), "2. pääsiäispäivä"],
    [utc(year, 5, 1), "vappu"],
    [plus(easter, 39), "helatorstai"],
    [plus(easter, 49), "helluntaipäivä"],
    [weekdayOnOrAfter(utc(year, 6, 19), 5), "juhannusaatto"],
    [weekdayOnOrAfter(utc(year, 6, 20), 6), "juhannuspäivä"],
    [weekdayOnOrAfter(utc(year, 10, 31), 6), "pyhäinpäivä"],
    [utc(year, 12, 6), "itsenäisyyspäivä"],
    [utc(year, 12, 24), "jouluaatto"],
    [utc(year, 12, 25), "joulupäivä"],
    [utc(year, 12, 26), "tapaninpäivä"],
  ];
  const map = new Map(days.map(([d, name]) => [iso(d), name]));
  cache.set(year, map);
  return map;
}

// Made once: building a formatter costs far more than formatting (this runs on every request).
const FINNISH_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

const HELSINKI_HOUR = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Helsinki",
  hour: "2-digit",
  hourCycle: "h23",
});

/** The calendar day in Finland at an instant. */
export function finnishDate(at: number): string {
  return FINNISH_DAY.format(at);
}

const parse = (date: string) => {
  const [y, m, d] = date.split("-").map(Number);
  return utc(y!, m!, d!);
};

export function isWorkingDay(date: string): boolean {
  const d = parse(date);
  const weekday = d.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays(d.getUTCFullYear()).has(date);
}

/**
 * The date `n` working days after `date` (n ≥ 1); a request made on a weekend or holiday starts
 * counting from the next working day, as an office would.
 */
export function addWorkingDays(date: string, n: number): string {
  let d = parse(date);
  let left = n;
  while (left > 0) {
    d = plus(d, 1);
    if (isWorkingDay(iso(d))) left -= 1;
  }
  return iso(d);
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = plus(parse(from), 1); iso(d) <= to; d = plus(d, 1)) if (isWorkingDay(iso(d))) count += 1;
  return count;
}

/** The end (23:59:59.999 Finnish time) of a Finnish calendar day, as epoch milliseconds. */
export function endOfFinnishDay(date: string): number {
  // Helsinki is UTC+2 or UTC+3: find the offset that day at noon.
  const noon = Date.parse(`${date}T12:00:00Z`);
  const hour = Number(HELSINKI_HOUR.format(noon));
  const offsetHours = hour - 12;
  return Date.parse(`${date}T23:59:59.999Z`) - offsetHours * 3_600_000;
}

/** The calendar day `days` after (or before) a date, written YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return iso(plus(utc(...(date.split("-").map(Number) as [number, number, number])), days));
}
