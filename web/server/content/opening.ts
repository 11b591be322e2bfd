const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
type Day = (typeof DAYS)[number];

export type OpeningHours = { fromDay: Day; toDay: Day; opens: string; closes: string };
export type OpeningException = {
  startDate: string;
  endDate: string | null;
  closed: boolean;
  opens: string | null;
  closes: string | null;
  /** Why, in the editor's words ("Juhannus"). */
  reason?: string | null;
};

// Made once: building a formatter costs far more than formatting.
const HELSINKI = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Date, weekday and HH:MM in Finland, whatever the server's time zone. */
export function helsinkiNow(now: Date): { date: string; day: Day; time: string } {
  const parts = Object.fromEntries(HELSINKI.formatToParts(now).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    day: String(parts.weekday).toLowerCase().slice(0, 3) as Day,
    time: `${parts.hour}:${parts.minute}`,
  };
}

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

/** Whether a unit is open at `now` (Finnish time), exceptions first. */
export function isOpenNow(
  unit: { alwaysOpen: boolean; openingHours: OpeningHours[]; openingExceptions: OpeningException[] },
  now: Date,
): boolean {
  if (unit.alwaysOpen) return true;
  const { date, day, time } = helsinkiNow(now);
  const exception = unit.openingExceptions.find(
    (e) => e.startDate <= date && date <= (e.endDate ?? e.startDate),
  );
  if (exception) {
    if (exception.closed) return false;
    const [opens, closes] = [hhmm(exception.opens), hhmm(exception.closes)];
    return Boolean(opens && closes && opens <= time && time < closes);
  }
  const d = DAYS.indexOf(day);
  return unit.openingHours.some(
    (h) =>
      DAYS.indexOf(h.fromDay) <= d &&
      d <= DAYS.indexOf(h.toDay) &&
      hhmm(h.opens)! <= time &&
      time < hhmm(h.closes)!,
  );
}
