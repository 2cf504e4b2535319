import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { consoleDb } from "../../src/console/queries/console-tables.js";
import { findingHistory } from "../../src/console/queries/finding-history.js";
import { findingTotals } from "../../src/console/queries/finding-totals.js";
import { openCounts, remediation } from "../../src/console/queries/remediation.js";
import { IN_LIST_MAX, repoScope } from "../../src/console/queries/repo-scope.js";
import { repositoryFindings } from "../../src/console/queries/repository-findings.js";
import { coverageRows, scanCoverage } from "../../src/console/queries/scan-coverage.js";
import { suppressionRegister } from "../../src/console/queries/suppression-register.js";
import {
  firstTrendWeek,
  trendRows,
  WEEK_MS,
  weeklyTrend,
} from "../../src/console/queries/weekly-trend.js";
import type { Store } from "../../src/store/open-store.js";
import { createFigureSource } from "../../src/console/org-figures.js";
import { pino } from "pino";
import { DAY, NOW, insertLifecycle, insertPullRequests, lifecycle } from "./lifecycle-seed.js";

const VISIBLE = ["acme/shop", "acme/api"];
/** Enough repositories that the queries group over every repository and filter afterwards. */
const MANY = [...VISIBLE, ...Array.from({ length: IN_LIST_MAX }, (_, i) => `other/repo-${i}`)];
const SCOPES = [
  { name: "a few repositories (in-list)", repos: VISIBLE },
  { name: "many repositories (grouped, then filtered)", repos: MANY },
];

/** The console's queries, run by console-queries-sqlite and -postgres against a fresh store. */
export function consoleQueriesContract(open: () => Promise<Store>): void {
  let store: Store;
  const db = () => consoleDb(store.db);
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  describe.each(SCOPES)("aggregates over $name", ({ repos }) => {
    it("uses the scope it names", () => {
      expect(repoScope(repos).inList === undefined).toBe(repos === MANY);
    });

    it("counts unresolved default-branch findings per repository and severity, visible repos only", async () => {
      await insertLifecycle(store.db, [
        lifecycle({ severity: "critical" }),
        lifecycle({ severity: "high" }),
        lifecycle({ severity: "high" }),
        lifecycle({ repo: "acme/api", severity: "low" }),
        lifecycle({ severity: "high", resolved_at: NOW - DAY, resolution: "fixed" }),
        lifecycle({ severity: "high", merged_at: null, escaped: 0 }), // only in an open PR
        lifecycle({ repo: "acme/secret", severity: "critical" }),
      ]);
      const counts = openCounts(await findingTotals(db(), repoScope(repos)));
      expect(
        counts.sort((a, b) => a.repo.localeCompare(b.repo) || a.severity.localeCompare(b.severity)),
      ).toEqual([
        { repo: "acme/api", severity: "low", count: 1 },
        { repo: "acme/shop", severity: "critical", count: 1 },
        { repo: "acme/shop", severity: "high", count: 2 },
      ]);
      expect(await findingTotals(db(), repoScope([]))).toEqual([]);
    });

    it("lists one repository's open findings most severe first, then by file and line", async () => {
      await insertLifecycle(store.db, [
        lifecycle({ severity: "low", path: "a.js", line: 1 }),
        lifecycle({ severity: "critical", path: "z.js", line: 9 }),
        lifecycle({ severity: "critical", path: "b.js", line: 30 }),
        lifecycle({ severity: "critical", path: "b.js", line: 4 }),
        lifecycle({ severity: "high", resolved_at: NOW, resolution: "suppressed" }),
      ]);
      const rows = await repositoryFindings(db(), "acme/shop", 10);
      expect(rows.map((r) => `${r.severity} ${r.path}:${r.line}`)).toEqual([
        "critical b.js:4",
        "critical b.js:30",
        "critical z.js:9",
        "low a.js:1",
      ]);
    });

    it("buckets introduced and resolved findings by week", async () => {
      const thisWeek = Math.floor(NOW / WEEK_MS) * WEEK_MS;
      await insertLifecycle(store.db, [
        lifecycle({ first_seen_at: thisWeek + 1000 }),
        lifecycle({
          first_seen_at: thisWeek + 2000,
          resolved_at: thisWeek + 3000,
          resolution: "fixed",
        }),
        lifecycle({
          first_seen_at: thisWeek - WEEK_MS,
          resolved_at: thisWeek + 5,
          resolution: "suppressed",
        }),
        lifecycle({ first_seen_at: thisWeek - 10 * WEEK_MS }), // before the window
        lifecycle({ repo: "acme/secret", first_seen_at: thisWeek + 1 }),
      ]);
      const rows = await trendRows(db(), repoScope(repos), firstTrendWeek(NOW, 4));
      expect(rows.map((r) => r.repo)).not.toContain("acme/secret");
      const trend = weeklyTrend(rows, () => true, NOW, 4);
      expect(trend.weeks).toEqual([3, 2, 1, 0].map((n) => thisWeek - n * WEEK_MS));
      expect(trend.introduced).toEqual([0, 0, 1, 2]);
      expect(trend.resolved).toEqual([0, 0, 0, 2]);
    });

    it("keeps MTTR apart for fixed and suppressed and counts escapes by severity", async () => {
      await insertLifecycle(store.db, [
        lifecycle({ first_seen_at: NOW - 4 * DAY, resolved_at: NOW, resolution: "fixed" }),
        lifecycle({ first_seen_at: NOW - 2 * DAY, resolved_at: NOW, resolution: "fixed" }),
        lifecycle({
          first_seen_at: NOW - 10 * DAY,
          resolved_at: NOW,
          resolution: "suppressed",
          severity: "critical",
        }),
        lifecycle({
          escaped: 0,
          prevented: 1,
          merged_at: null,
          resolved_at: NOW,
          resolution: null,
        }),
        lifecycle({ repo: "acme/secret", first_seen_at: 0, resolved_at: NOW, resolution: "fixed" }),
      ]);
      expect(remediation(await findingTotals(db(), repoScope(repos)))).toEqual({
        mttr: { fixed: 3 * DAY, suppressed: 10 * DAY },
        resolvedCount: { fixed: 2, suppressed: 1 },
        escapes: { high: 2, critical: 1 },
        prevented: 1,
      });
    });

    it("measures scan coverage over pull requests opened in the window", async () => {
      await insertPullRequests(store.db, [
        {
          repo: "acme/shop",
          number: 1,
          opened_at: NOW - DAY,
          first_analysed_at: NOW - DAY + 120_000,
          first_feedback_ms: 30_000,
        },
        { repo: "acme/shop", number: 2, opened_at: NOW - DAY, first_analysed_at: null },
        {
          repo: "acme/api",
          number: 3,
          opened_at: NOW - 2 * DAY,
          first_analysed_at: NOW - 2 * DAY + 60_000,
          first_feedback_ms: 50_000,
        },
        { repo: "acme/api", number: 4, opened_at: NOW - 100 * DAY, first_analysed_at: null },
        { repo: "acme/secret", number: 5, opened_at: NOW, first_analysed_at: null },
      ]);
      const rows = await coverageRows(db(), repoScope(repos), NOW - 90 * DAY);
      expect(rows.map((r) => r.repo)).not.toContain("acme/secret");
      expect(scanCoverage(rows, () => true)).toEqual({
        opened: 3,
        analysed: 2,
        meanTimeToFirstAnalysis: 90_000,
        feedback: { count: 2, meanMs: 40_000 },
      });
    });
  });

  describe("figure source", () => {
    it("shares one organisation-wide read between users who see many repositories, each seeing only theirs", async () => {
      await insertLifecycle(store.db, [
        lifecycle({ repo: "acme/shop" }),
        lifecycle({ repo: "acme/secret" }),
        lifecycle({ repo: "acme/secret" }),
      ]);
      const figures = createFigureSource(db(), pino({ level: "silent" }));
      const alice = await figures(MANY, NOW);
      const mallory = await figures(["acme/secret", ...MANY.slice(2)], NOW + 1000);
      expect(mallory).toBe(alice); // the same shared read, still fresh
      const sees = (repos: string[]) =>
        openCounts(alice.totals.filter((t) => repos.includes(t.repo))).map((c) => [
          c.repo,
          c.count,
        ]);
      expect(sees(MANY)).toEqual([["acme/shop", 1]]);
      // a few repositories: read live for that user, nothing else in it
      const few = await figures(["acme/secret"], NOW);
      expect(few.totals.map((t) => t.repo)).toEqual(["acme/secret"]);
    });
  });

  describe("suppressions", () => {
    const base = {
      scope: { kind: "finding" as const, fingerprint: "fp-aaaa" },
      reason: "false-positive" as const,
      justification: "escaped by the template",
      author: "alice",
      expiresAt: null,
      source: null,
      findingId: "GR-0000aaaa",
      actor: "alice",
      commentUrl: "https://github.com/acme/shop/pull/7#discussion_r1",
    };

    it("lists the register newest first with its finding and approver, filtered, visible repos only", async () => {
      await insertLifecycle(store.db, [
        lifecycle({ fingerprint: "fp-aaaa", finding_id: "GR-0000aaaa", rule: "js/xss" }),
      ]);
      const a = await store.suppressions.create({
        ...base,
        repo: "acme/shop",
        createdAt: new Date(NOW - 3 * DAY),
        status: "requested",
      });
      await store.suppressions.decide(a.id, {
        verdict: "approved",
        actor: "carol",
        note: "ok",
        commentUrl: null,
        at: new Date(NOW - 2 * DAY),
      });
      await store.suppressions.create({
        ...base,
        repo: "acme/api",
        scope: { kind: "rule", tool: "Trivy", ruleId: "CVE-1" },
        findingId: null,
        reason: "accepted-risk",
        author: "bob",
        createdAt: new Date(NOW - DAY),
        expiresAt: new Date(NOW + 5 * DAY),
      });
      await store.suppressions.create({ ...base, repo: "acme/secret", createdAt: new Date(NOW) });

      const all = await suppressionRegister(db(), VISIBLE, {}, NOW, 100);
      expect(
        all.map((e) => [e.repo, e.scope, e.findingId, e.rule, e.author, e.approver, e.status]),
      ).toEqual([
        ["acme/api", "rule Trivy CVE-1", null, "CVE-1", "bob", null, "active"],
        ["acme/shop", "finding", "GR-0000aaaa", "js/xss", "alice", "carol", "active"],
      ]);
      const filtered = async (f: Parameters<typeof suppressionRegister>[2]) =>
        (await suppressionRegister(db(), VISIBLE, f, NOW, 100)).map((e) => e.repo);
      expect(await filtered({ reason: "accepted-risk" })).toEqual(["acme/api"]);
      expect(await filtered({ author: "alice" })).toEqual(["acme/shop"]);
      expect(await filtered({ repo: "ACME/Shop" })).toEqual(["acme/shop"]);
      expect(await filtered({ repo: "acme/secret" })).toEqual([]);
      expect(await filtered({ expiresWithinMs: 7 * DAY })).toEqual(["acme/api"]);
      expect(await filtered({ expiresWithinMs: 2 * DAY })).toEqual([]);
      expect(await filtered({ status: "requested" })).toEqual([]);
    });

    it("gives a finding's history with its suppressions' audit trail in order", async () => {
      await insertLifecycle(store.db, [
        lifecycle({ fingerprint: "fp-aaaa", finding_id: "GR-0000aaaa" }),
      ]);
      const s = await store.suppressions.create({
        ...base,
        repo: "acme/shop",
        createdAt: new Date(NOW - 3 * DAY),
        status: "requested",
      });
      await store.suppressions.decide(s.id, {
        verdict: "denied",
        actor: "carol",
        note: "fix it",
        commentUrl: null,
        at: new Date(NOW - 2 * DAY),
      });
      const history = await findingHistory(db(), "acme/shop", "GR-0000aaaa");
      expect(history?.finding.fingerprint).toBe("fp-aaaa");
      expect(history?.suppressions.map((x) => [x.status, x.decided_by])).toEqual([
        ["denied", "carol"],
      ]);
      expect(history?.audit.map((x) => [x.action, x.actor])).toEqual([
        ["requested", "alice"],
        ["denied", "carol"],
      ]);
      expect((await findingHistory(db(), "acme/shop", "fp-aaaa"))?.finding.finding_id).toBe(
        "GR-0000aaaa",
      );
      expect(await findingHistory(db(), "acme/api", "GR-0000aaaa")).toBeUndefined();
    });
  });
}
