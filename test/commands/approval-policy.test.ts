import { describe, expect, it } from "@jest/globals";
import { grantedExpiry, needsApproval } from "../../src/commands/approval-policy.js";
import type { FailOn } from "../../src/config/schema.js";
import type { Severity } from "../../src/findings/finding.js";

const approval = (required_for: FailOn, max_expiry: string | null = null) => ({
  required_for,
  approvers: [],
  max_expiry,
});

describe("needsApproval", () => {
  it.each<[FailOn, Severity | undefined, boolean]>([
    ["none", "critical", false],
    ["high", "critical", true],
    ["high", "high", true],
    ["high", "medium", false],
    ["note", "note", true],
    ["critical", "high", false],
    ["high", undefined, true],
    ["none", undefined, false],
  ])("required_for %s, finding %s → %s", (requiredFor, severity, needed) => {
    expect(needsApproval(approval(requiredFor), severity)).toBe(needed);
  });
});

describe("grantedExpiry", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  const day = (n: number) => new Date(now.getTime() + n * 86_400_000);
  it.each<[string | null, Date | null, Date | null]>([
    [null, null, null],
    [null, day(400), day(400)],
    ["180d", null, day(180)],
    ["180d", day(30), day(30)],
    ["180d", day(365), day(180)],
  ])("max_expiry %s, requested %s", (maxExpiry, requested, granted) => {
    expect(grantedExpiry(approval("high", maxExpiry), requested, now)).toEqual(granted);
  });
});
