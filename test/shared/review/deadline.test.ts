import { describe, expect, it } from "vitest";
import { daysLate, deadlineEndMs, onTime, vietnamDate } from "../../../shared/review/deadline.ts";

/** Deadlines are calendar dates in Vietnam time (UTC+7): the whole deadline day counts, to 23:59:59.999 +07. */

describe("deadlineEndMs", () => {
  it("is the next day's 00:00 in Vietnam: 17:00 UTC of the deadline day", () => {
    expect(new Date(deadlineEndMs("2027-03-31")).toISOString()).toBe("2027-03-31T17:00:00.000Z");
    expect(new Date(deadlineEndMs("2028-02-29")).toISOString()).toBe("2028-02-29T17:00:00.000Z");
    expect(new Date(deadlineEndMs("2026-12-31")).toISOString()).toBe("2026-12-31T17:00:00.000Z");
  });
});

describe("onTime", () => {
  it("23:59:59.999 +07 on the deadline day is on time", () => {
    expect(onTime("2027-03-31T16:59:59.999Z", "2027-03-31")).toBe(true);
    expect(onTime("2027-03-31T23:59:59.999+07:00", "2027-03-31")).toBe(true);
  });

  it("00:00 +07 the next day is late", () => {
    expect(onTime("2027-03-31T17:00:00.000Z", "2027-03-31")).toBe(false);
    expect(onTime("2027-04-01T00:00:00.000+07:00", "2027-03-31")).toBe(false);
  });

  it("early on the deadline day in UTC, still the day before in Vietnam, or long before: on time", () => {
    expect(onTime("2027-03-30T17:00:00.000Z", "2027-03-31")).toBe(true);
    expect(onTime("2027-01-02T03:00:00.000Z", "2027-03-31")).toBe(true);
  });

  it("without a deadline everything is on time", () => {
    expect(onTime("2099-12-31T23:59:59.999Z", null)).toBe(true);
  });
});

describe("vietnamDate", () => {
  it("the calendar date at UTC+7: 17:00 UTC is already the next day", () => {
    expect(vietnamDate("2027-03-31T16:59:59.999Z")).toBe("2027-03-31");
    expect(vietnamDate("2027-03-31T17:00:00.000Z")).toBe("2027-04-01");
    expect(vietnamDate("2027-12-31T17:00:00.000Z")).toBe("2028-01-01");
  });
});

describe("daysLate", () => {
  it("0 when on time (the last millisecond of the deadline day) and without a deadline", () => {
    expect(daysLate("2027-03-31T16:59:59.999Z", "2027-03-31")).toBe(0);
    expect(daysLate("2027-01-01T00:00:00.000Z", "2027-03-31")).toBe(0);
    expect(daysLate("2030-01-01T00:00:00.000Z", null)).toBe(0);
  });

  it("1 from 00:00 +07 the next day to 23:59:59.999 +07 that day", () => {
    expect(daysLate("2027-03-31T17:00:00.000Z", "2027-03-31")).toBe(1);
    expect(daysLate("2027-04-01T16:59:59.999Z", "2027-03-31")).toBe(1);
  });

  it("counts Vietnam calendar days, across months and a leap day", () => {
    expect(daysLate("2027-04-01T17:00:00.000Z", "2027-03-31")).toBe(2);
    expect(daysLate("2027-04-30T10:00:00.000Z", "2027-03-31")).toBe(30);
    expect(daysLate("2028-03-01T01:00:00.000Z", "2028-02-28")).toBe(2);
    expect(daysLate("2028-01-01T00:00:00.000Z", "2027-12-31")).toBe(1);
  });
});
