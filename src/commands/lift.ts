import { authorize } from "./authorize.js";
import type { CommandSession } from "./command-session.js";
import { coveringSuppressions, type FindingKey } from "../triage/covering.js";
import { describe, who } from "./describe-suppression.js";
import { liftInLifecycle } from "./suppression-lifecycle.js";

/** Lifts every active suppression covering the finding, each with the role its scope needed. */
export async function lift(
  session: CommandSession,
  key: FindingKey & { id: string },
): Promise<string> {
  const store = session.ctx.deps.store.suppressions;
  const covering = coveringSuppressions(key, await store.listActive(session.repoKey, new Date()));
  if (covering.length === 0) return `ℹ️ ${key.id} has no active suppression.`;
  const [config, role] = await Promise.all([session.config(), session.role()]);
  for (const suppression of covering) {
    const allowed = authorize({
      role,
      scope: suppression.scope,
      config: config.suppressions,
      login: session.job.author,
      action: "lift",
    });
    if (!allowed.allowed) return `🚫 ${allowed.message} Nothing was lifted.`;
  }
  for (const suppression of covering) {
    await store.lift(suppression.id, session.job.author, session.job.commentUrl);
    await liftInLifecycle(session.ctx.deps.store, suppression);
    session.ctx.deps.metrics.suppressions.inc({ reason: suppression.reason, action: "lifted" });
  }
  session.changed = true;
  session.reopened.add(key.fingerprint);
  const lifted = covering.map((s) => describe(s, key.id)).join(", ");
  return `🔔 Lifted ${covering.length === 1 ? "the suppression" : `${covering.length} suppressions`} of ${lifted} (by ${who(session.job.author)}): ${key.id} counts again.`;
}
