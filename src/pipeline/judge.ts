import type { GuardrailConfig } from "../config/schema.js";
import { repoKeyOf, type Analysis, type Target } from "../domain/analysis.js";
import { trackableOfEntry } from "../tracking/baseline-trackable.js";
import { baseSnippets } from "../tracking/known-at-base.js";
import { evaluate, type Evaluation } from "./evaluate.js";
import type { JobContext } from "./job-context.js";

/** How far back an expiry is still worth mentioning in the summary. */
const EXPIRED_LOOKBACK_MS = 30 * 24 * 3600 * 1000;

/** The judgement on one target of an analysis with the store's current baseline and suppressions. */
export async function judge(
  ctx: JobContext,
  input: {
    analysis: Analysis;
    target: Target;
    config: GuardrailConfig;
    /** Fingerprints Guardrail already commented on in this PR. */
    commented: ReadonlySet<string>;
  },
): Promise<Evaluation> {
  const { analysis, target } = input;
  const repoKey = repoKeyOf(analysis.run);
  const now = new Date();
  const baseBranch = target.pr?.baseRef ?? analysis.defaultBranch;
  const { store } = ctx.deps;
  const [baseline, entries, active, requested, expiredSuppressions] = await Promise.all([
    store.baselines.get(repoKey, baseBranch),
    store.baselines.entries(repoKey, baseBranch),
    store.suppressions.listActive(repoKey, now),
    store.suppressions.listRequested(repoKey),
    store.suppressions.listExpiredSince(
      repoKey,
      new Date(now.getTime() - EXPIRED_LOOKBACK_MS),
      now,
    ),
  ]);
  return evaluate({
    findings: analysis.findings,
    diff: target.diff,
    baseline,
    baseSnippets: baseSnippets((entries ?? []).map(trackableOfEntry)),
    // Requests do not apply; triage lists them as awaiting approval.
    suppressions: [...active, ...requested],
    expiredSuppressions,
    config: input.config,
    isFork: analysis.isFork,
    baseBranch,
    defaultBranch: analysis.defaultBranch,
    readErrors: analysis.readErrors,
    alreadyCommented: input.commented,
    now,
  });
}
