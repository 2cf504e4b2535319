import type { LifecycleChange, LifecycleRecord } from "./lifecycle-record.js";
import { reopened, resolved } from "./lifecycle-record.js";

/** An active suppression resolves the findings it covers that are still unresolved. */
export function suppressedTransition(
  records: Iterable<LifecycleRecord>,
  at: number,
): LifecycleChange[] {
  const changes: LifecycleChange[] = [];
  for (const before of records) {
    if (before.resolvedAt !== null) continue;
    changes.push({ before, after: resolved(before, "suppressed", at) });
  }
  return changes;
}

/**
 * A suppression lifted (or expired) reopens what it had resolved, unless the finding was
 * fixed meanwhile; reopened ones count as open again only where they are merged.
 */
export function unsuppressedTransition(records: Iterable<LifecycleRecord>): LifecycleChange[] {
  const changes: LifecycleChange[] = [];
  for (const before of records) {
    if (before.resolution !== "suppressed") continue;
    changes.push({ before, after: reopened(before) });
  }
  return changes;
}
