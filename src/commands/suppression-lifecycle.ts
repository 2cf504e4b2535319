import type { Suppression } from "../domain/suppression.js";
import type { Store } from "../store/store.js";
import { scopeCovers } from "../triage/covering.js";

/** The fingerprints in the lifecycle a suppression's scope covers (rule and path scopes: many). */
async function coveredFingerprints(store: Store, s: Suppression): Promise<string[]> {
  const { scope } = s;
  if (scope.kind === "finding") return [scope.fingerprint];
  const records = await store.lifecycle.ofRule(s.repo, scope.tool, scope.ruleId);
  return records
    .filter((r) =>
      scopeCovers(scope, {
        fingerprint: r.fingerprint,
        tool: r.tool,
        ruleId: r.rule,
        path: r.path,
      }),
    )
    .map((r) => r.fingerprint);
}

/** An active suppression resolves what it covers (a requested one waits for its approver). */
export async function suppressInLifecycle(store: Store, s: Suppression): Promise<void> {
  if (s.status !== "active") return;
  await store.lifecycle.markSuppressed(s.repo, await coveredFingerprints(store, s), s.createdAt);
}

/** A lifted suppression gives back what it had resolved. */
export async function liftInLifecycle(store: Store, s: Suppression): Promise<void> {
  await store.lifecycle.markUnsuppressed(s.repo, await coveredFingerprints(store, s));
}
