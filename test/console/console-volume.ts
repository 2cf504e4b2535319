import type { Store } from "../../src/store/open-store.js";
import { SEVERITIES } from "../../src/console/queries/console-tables.js";
import { DAY, insertLifecycle, insertPullRequests, lifecycle } from "./lifecycle-seed.js";

export const VOLUME_REPOS = [
  "acme/payments",
  "acme/web",
  "acme/infra",
  "acme/mobile",
  "acme/search",
];
const RULES = [
  "python.sqlalchemy.sqli",
  "js.express.xss",
  "CKV_AWS_20",
  "CVE-2024-45337",
  "go.ssrf",
];
const TOOLS = ["Semgrep OSS", "CodeQL", "Checkov", "Trivy", "gosec"];

/**
 * Twelve weeks of plausible history for the screenshots: findings introduced and resolved each
 * week, some suppressed, pull requests mostly analysed. Deterministic (no Math.random).
 */
export async function seedVolume(store: Store, now: number): Promise<void> {
  const rows = [];
  for (let i = 0; i < 240; i += 1) {
    const repo = VOLUME_REPOS[i % VOLUME_REPOS.length] ?? "acme/web";
    const age = ((i * 37) % 84) * DAY + (i % 5) * 3_600_000;
    const resolved = i % 3 !== 0 ? Math.min(now - DAY / 2, now - age + ((i % 11) + 1) * DAY) : null;
    rows.push(
      lifecycle({
        repo,
        fingerprint: `vol-${i}`,
        finding_id: `GR-${(0xb0000000 + i).toString(16)}`,
        severity: SEVERITIES[(i * 7) % 4] ?? "medium",
        rule: RULES[i % RULES.length] ?? "r",
        tool: TOOLS[i % TOOLS.length] ?? "t",
        path: `src/module-${i % 17}/file-${i % 7}.ts`,
        line: 10 + (i % 90),
        first_seen_at: now - age,
        reported_at: now - age + 120_000,
        merged_at: i % 4 === 0 ? null : now - age + DAY,
        escaped: i % 4 === 0 ? 0 : i % 5 === 0 ? 1 : 0,
        prevented: i % 4 === 0 ? 1 : 0,
        resolved_at: i % 4 === 0 ? now - age + DAY / 2 : resolved,
        resolution:
          i % 4 === 0 ? "fixed" : resolved === null ? null : i % 7 === 0 ? "suppressed" : "fixed",
      }),
    );
  }
  await insertLifecycle(store.db, rows);
  await insertPullRequests(
    store.db,
    Array.from({ length: 60 }, (_, i) => ({
      repo: VOLUME_REPOS[i % VOLUME_REPOS.length] ?? "acme/web",
      number: 100 + i,
      opened_at: now - (i % 80) * DAY,
      first_analysed_at: i % 9 === 0 ? null : now - (i % 80) * DAY + 95_000,
      first_feedback_ms: i % 9 === 0 ? null : 25_000 + (i % 13) * 4_000,
    })),
  );
  for (const [i, s] of SUPPRESSIONS.entries()) {
    const repo = VOLUME_REPOS[i % VOLUME_REPOS.length] ?? "acme/web";
    const created = await store.suppressions.create({
      repo,
      scope: { kind: "finding", fingerprint: `vol-${i * 5 + (i % 5)}` },
      findingId: `GR-${(0xb0000000 + i * 5 + (i % 5)).toString(16)}`,
      reason: s.reason,
      justification: s.justification,
      author: s.author,
      actor: s.author,
      createdAt: new Date(now - (i + 2) * 3 * DAY),
      expiresAt: s.expiresInDays === null ? null : new Date(now + s.expiresInDays * DAY),
      source: null,
      commentUrl: null,
      status: s.approver === null ? "active" : "requested",
    });
    if (s.approver !== null) {
      await store.suppressions.decide(created.id, {
        verdict: "approved",
        actor: s.approver,
        note: null,
        commentUrl: null,
        at: new Date(now - (i + 1) * 3 * DAY),
      });
    }
  }
}

const SUPPRESSIONS = [
  {
    reason: "false-positive",
    justification: "Value is an enum, never user input.",
    author: "lee",
    approver: "sam",
    expiresInDays: 60,
  },
  {
    reason: "accepted-risk",
    justification: "Internal admin tool behind SSO; fix planned in Q3.",
    author: "kim",
    approver: "sam",
    expiresInDays: 5,
  },
  {
    reason: "used-in-tests",
    justification: "Fixture credentials for the local test database.",
    author: "ana",
    approver: null,
    expiresInDays: null,
  },
  {
    reason: "wont-fix",
    justification: "Legacy endpoint removed with the v2 API.",
    author: "raj",
    approver: "priya",
    expiresInDays: 20,
  },
  {
    reason: "false-positive",
    justification: "Path is joined with a constant base directory.",
    author: "lee",
    approver: null,
    expiresInDays: 90,
  },
  {
    reason: "accepted-risk",
    justification: "Bucket is public by design (static website).",
    author: "kim",
    approver: "priya",
    expiresInDays: 3,
  },
] as const;
