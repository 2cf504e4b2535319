import { describe, expect, it } from "@jest/globals";
import type { ExpiryOption } from "../../src/commands/command.js";
import { MAX_EXPIRY_DAYS, parseExpiryOption, resolveExpiry } from "../../src/commands/expiry.js";

const now = new Date("2026-03-15T10:30:00Z");

describe("parseExpiryOption", () => {
  it.each<[string, ExpiryOption | null]>([
    ["7d", { kind: "days", days: 7 }],
    ["90D", { kind: "days", days: 90 }],
    ["0d", { kind: "days", days: 0 }],
    ["2027-01-31", { kind: "date", date: "2027-01-31" }],
    ["2028-02-29", { kind: "date", date: "2028-02-29" }],
    ["2027-02-29", null],
    ["2027-13-01", null],
    ["2027-1-31", null],
    ["-7d", null],
    ["7", null],
    ["7w", null],
    ["", null],
  ])("%j", (text, expected) => {
    expect(parseExpiryOption(text)).toEqual(expected);
  });
});

describe("resolveExpiry", () => {
  it.each<[string, ExpiryOption | null, string | null, string | null]>([
    ["no option, no default: never", null, null, null],
    ["days count from now", { kind: "days", days: 7 }, null, "2026-03-22T10:30:00.000Z"],
    ["the option beats the default", { kind: "days", days: 1 }, "90d", "2026-03-16T10:30:00.000Z"],
    ["the longest span", { kind: "days", days: MAX_EXPIRY_DAYS }, null, "2028-03-14T10:30:00.000Z"],
    [
      "a date ends at 00:00 UTC",
      { kind: "date", date: "2027-01-31" },
      null,
      "2027-01-31T00:00:00.000Z",
    ],
    ["tomorrow", { kind: "date", date: "2026-03-16" }, null, "2026-03-16T00:00:00.000Z"],
    ["default in days", null, "90d", "2026-06-13T10:30:00.000Z"],
    ["default as a date, padded", null, " 2026-12-31 ", "2026-12-31T00:00:00.000Z"],
  ])("%s", (_name, option, defaultExpiry, expected) => {
    const result = resolveExpiry(option, defaultExpiry, now);
    expect(result).toEqual({ ok: true, expiresAt: expected === null ? null : new Date(expected) });
  });

  it.each<[string, ExpiryOption | null, string | null, RegExp]>([
    [
      "zero days",
      { kind: "days", days: 0 },
      null,
      /--expires must be between 1 and 730 days; got 0d/,
    ],
    ["too many days", { kind: "days", days: MAX_EXPIRY_DAYS + 1 }, null, /between 1 and 730/],
    [
      "today has begun",
      { kind: "date", date: "2026-03-15" },
      null,
      /2026-03-15 is not in the future/,
    ],
    ["a past date", { kind: "date", date: "2025-12-31" }, null, /not in the future/],
    ["more than two years", { kind: "date", date: "2028-03-15" }, null, /more than 730 days/],
    ["not a calendar date", { kind: "date", date: "2027-02-30" }, null, /not a calendar date/],
    ["a bad default", null, "quarterly", /default_expiry `quarterly` is neither a date/],
    [
      "a default out of range",
      null,
      "1000d",
      /suppressions.default_expiry must be between 1 and 730/,
    ],
    [
      "a past default date",
      null,
      "2020-01-01",
      /suppressions.default_expiry 2020-01-01 is not in the future/,
    ],
  ])("refuses %s", (_name, option, defaultExpiry, problem) => {
    expect(resolveExpiry(option, defaultExpiry, now)).toEqual({
      ok: false,
      problem: expect.stringMatching(problem),
    });
  });
});
