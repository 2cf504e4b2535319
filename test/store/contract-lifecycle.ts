import { describe, expect, it } from "@jest/globals";
import type { LifecycleFinding } from "../../src/store/lifecycle.js";
import type { Store } from "../../src/store/open-store.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 1);

function finding(fingerprint: string, overrides: Partial<LifecycleFinding> = {}): LifecycleFinding {
  return {
    fingerprint,
    findingId: `GR-${fingerprint.padStart(8, "0")}`,
    tool: "semgrep",
    rule: "js.xss",
    severity: "high",
    path: "src/a.ts",
    line: 3,
    message: "héllo <b>",
    ...overrides,
  };
}

const pr = (n: number, at: number, findings: LifecycleFinding[], reported = findings) => ({
  repo: "Octo/App",
  pr: n,
  at,
  tools: ["semgrep"],
  findings,
  reported: new Set(reported.map((f) => f.fingerprint)),
});

const main = (at: number, findings: LifecycleFinding[], first = false) => ({
  repo: "Octo/App",
  branch: "main",
  at,
  tools: ["semgrep"],
  firstBaselineTools: new Set(first ? ["semgrep"] : []),
  findings,
});

export function lifecycleContract(current: () => Store): void {
  describe("lifecycle", () => {
    it("reports, prevents, escapes, fixes and keeps the counts in step", async () => {
      const { lifecycle } = current();
      const old = finding("old");
      await lifecycle.recordDefaultBranch(main(T0, [old], true));
      await lifecycle.recordPullRequest(pr(7, T0 + DAY, [finding("esc"), finding("stop")]));
      const stopped = await lifecycle.recordPullRequest(pr(7, T0 + 2 * DAY, [finding("esc")]));
      expect(stopped.prevented.map((r) => r.fingerprint)).toEqual(["stop"]);
      const merged = await lifecycle.recordDefaultBranch(
        main(T0 + 3 * DAY, [old, finding("esc"), finding("direct", { severity: "low" })]),
      );
      expect(merged.escaped.map((r) => r.fingerprint).sort()).toEqual(["direct", "esc"]);
      const fixed = await lifecycle.recordDefaultBranch(main(T0 + 5 * DAY, [finding("esc")]));
      expect(fixed.fixed.map((r) => r.fingerprint).sort()).toEqual(["direct", "old"]);
      await lifecycle.markSuppressed("octo/app", ["esc", "stop"], new Date(T0 + 6 * DAY));

      expect(await lifecycle.get("octo/app", "esc")).toEqual({
        ...finding("esc"),
        repo: "octo/app",
        firstSeenAt: T0 + DAY,
        firstSeenRef: "pr:7",
        firstPr: 7,
        reportedAt: T0 + DAY,
        mergedAt: T0 + 3 * DAY,
        preexisting: false,
        escaped: true,
        prevented: false,
        resolvedAt: T0 + 6 * DAY,
        resolution: "suppressed",
        lastPr: 7,
        lastSeenAt: T0 + 5 * DAY,
      });
      expect((await lifecycle.get("octo/app", "old"))?.preexisting).toBe(true);
      const snap = await lifecycle.snapshot();
      const sorted = [...snap.counts].sort((a, b) => a.severity.localeCompare(b.severity));
      expect(sorted).toEqual([
        {
          repo: "octo/app",
          tool: "semgrep",
          severity: "high",
          open: 0,
          escaped: 1,
          prevented: 1,
          fixed: 2,
          suppressed: 1,
        },
        {
          repo: "octo/app",
          tool: "semgrep",
          severity: "low",
          open: 0,
          escaped: 1,
          prevented: 0,
          fixed: 1,
          suppressed: 0,
        },
      ]);
      const fixedMs = snap.resolutions
        .filter((r) => r.resolution === "fixed")
        .reduce((sum, r) => sum + r.sumMs, 0);
      // stop: 1 day in review; old: 5 days; direct: 2 days on main.
      expect(fixedMs).toBe(8 * DAY);
    });

    it("never counts a pull request twice, and counts one analysed before it was seen opened", async () => {
      const { lifecycle } = current();
      expect(await lifecycle.recordPullRequestOpened("Octo/App", 1, new Date(T0))).toBe(true);
      expect(await lifecycle.recordPullRequestOpened("octo/app", 1, new Date(T0))).toBe(false);
      await lifecycle.recordPullRequestOpened("octo/app", 2, new Date(T0));
      expect(await lifecycle.recordPullRequestAnalysed("octo/app", 1, new Date(T0), 4_000)).toBe(
        true,
      );
      expect(await lifecycle.recordPullRequestAnalysed("octo/app", 1, new Date(T0))).toBe(false);
      expect(await lifecycle.recordPullRequestAnalysed("octo/app", 3, new Date(T0))).toBe(true);
      await lifecycle.recordRequiredToolMissing("octo/app", ["Trivy", "trivy"]);
      await lifecycle.recordRequiredToolMissing("octo/app", ["trivy"]);
      const snap = await lifecycle.snapshot();
      expect(snap.pullRequests).toEqual([{ repo: "octo/app", opened: 3, scanned: 2 }]);
      expect(snap.requiredToolMissing).toEqual([{ repo: "octo/app", tool: "trivy", count: 2 }]);
    });

    it("counts unexpired active and requested suppressions by repo, reason and status", async () => {
      const { suppressions, lifecycle } = current();
      const base = {
        repo: "octo/app",
        scope: { kind: "rule", tool: "semgrep", ruleId: "r" } as const,
        reason: "false-positive" as const,
        justification: "j",
        author: "a",
        createdAt: new Date(T0),
        expiresAt: null,
        source: null,
        findingId: null,
        actor: "a",
        commentUrl: null,
      };
      await suppressions.create(base);
      await suppressions.create({ ...base, scope: { kind: "rule", tool: "semgrep", ruleId: "s" } });
      await suppressions.create({
        ...base,
        scope: { kind: "rule", tool: "semgrep", ruleId: "t" },
        expiresAt: new Date(T0 + DAY),
      });
      await suppressions.create({
        ...base,
        scope: { kind: "rule", tool: "semgrep", ruleId: "u" },
        reason: "accepted-risk",
        status: "requested",
      });
      const snap = await lifecycle.snapshot(new Date(T0 + 2 * DAY));
      snap.suppressions.sort((a, b) => a.reason.localeCompare(b.reason));
      expect(snap.suppressions).toEqual([
        { repo: "octo/app", reason: "accepted-risk", status: "requested", count: 1 },
        { repo: "octo/app", reason: "false-positive", status: "active", count: 2 },
      ]);
    });
  });
}
