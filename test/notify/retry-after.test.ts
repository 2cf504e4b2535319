import { describe, expect, it } from "@jest/globals";
import { backoffMs, retryAfterMs } from "../../src/notify/retry-after.js";

const NOW = Date.parse("2026-03-01T10:00:00Z");

describe("retryAfterMs", () => {
  it.each([
    ["seconds", "7", 7_000],
    ["zero", "0", 0],
    ["an HTTP date", "Sun, 01 Mar 2026 10:00:30 GMT", 30_000],
    ["a date in the past", "Sun, 01 Mar 2026 09:00:00 GMT", 0],
    ["missing", null, 30_000],
    ["garbage", "soon", 30_000],
    ["absurdly long", "999999", 3_600_000],
  ])("%s", (_name, header, expected) => {
    expect(retryAfterMs(header, NOW)).toBe(expected);
  });
});

describe("backoffMs", () => {
  it.each([
    [0, 30_000],
    [1, 60_000],
    [3, 240_000],
    [20, 1_800_000],
  ])("after %i failures waits %i ms", (attempts, expected) => {
    expect(backoffMs(attempts)).toBe(expected);
  });
});
