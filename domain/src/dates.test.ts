import { describe, expect, it } from "vitest";
import {
  addDays,
  addWorkingDays,
  easterSunday,
  endOfFinnishDay,
  finnishDate,
  holidays,
  isWorkingDay,
  workingDaysBetween,
} from "./dates.js";

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("Finnish working days", () => {
  it("knows Easter and the moving holidays", () => {
    expect(iso(easterSunday(2025))).toBe("2025-04-20");
    expect(iso(easterSunday(2026))).toBe("2026-04-05");
    expect(iso(easterSunday(2027))).toBe("2027-03-28");
    const h = holidays(2026);
    expect(h.get("2026-04-03")).toBe("pitkäperjantai");
    expect(h.get("2026-04-06")).toBe("2. pääsiäispäivä");
    expect(h.get("2026-05-14")).toBe("helatorstai");
    expect(h.get("2026-06-19")).toBe("juhannusaatto");
    expect(h.get("2026-06-20")).toBe("juhannuspäivä");
    expect(h.get("2026-10-31")).toBe("pyhäinpäivä");
    expect(holidays(2025).get("2025-06-20")).toBe("juhannusaatto");
    expect(h.size).toBe(15);
  });

  it("skips weekends", () => {
    expect(isWorkingDay("2026-11-20")).toBe(true); // Friday
    expect(isWorkingDay("2026-11-21")).toBe(false);
    expect(addWorkingDays("2026-11-20", 1)).toBe("2026-11-23");
    expect(addWorkingDays("2026-11-21", 1)).toBe("2026-11-23"); // asked on Saturday
    expect(addWorkingDays("2026-11-23", 5)).toBe("2026-11-30");
  });

  it("around juhannus", () => {
    // Thursday 18.6.2026 + 1: Friday is juhannusaatto, the weekend is juhannus → Monday 22.6.
    expect(addWorkingDays("2026-06-18", 1)).toBe("2026-06-22");
    expect(workingDaysBetween("2026-06-17", "2026-06-23")).toBe(3); // 18, 22, 23
  });

  it("around Christmas and the New Year", () => {
    // Wednesday 23.12.2026 + 2: 24–27 off → Monday 28., Tuesday 29.
    expect(addWorkingDays("2026-12-23", 2)).toBe("2026-12-29");
    // Thursday 31.12.2026 + 1: 1.1. holiday, weekend → Monday 4.1.2027; +2 skips loppiainen (Wed 6.1.).
    expect(addWorkingDays("2026-12-31", 1)).toBe("2027-01-04");
    expect(addWorkingDays("2027-01-05", 1)).toBe("2027-01-07");
  });

  it("around Easter", () => {
    // Thursday 2.4.2026 + 1: Good Friday, Easter, Easter Monday → Tuesday 7.4.
    expect(addWorkingDays("2026-04-02", 1)).toBe("2026-04-07");
    expect(workingDaysBetween("2026-04-01", "2026-04-08")).toBe(3); // 2, 7, 8
  });

  it("works in Finnish time", () => {
    // 22:30 UTC on 22.11. is already 23.11. in Helsinki.
    expect(finnishDate(Date.parse("2026-11-22T22:30:00Z"))).toBe("2026-11-23");
    expect(new Date(endOfFinnishDay("2026-11-23")).toISOString()).toBe("2026-11-23T21:59:59.999Z");
    expect(new Date(endOfFinnishDay("2026-06-22")).toISOString()).toBe("2026-06-22T20:59:59.999Z");
  });
});

describe("calendar days", () => {
  it("adds days across months, years and the clock change", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
