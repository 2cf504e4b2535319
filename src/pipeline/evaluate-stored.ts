import type { JobContext } from "../jobs/job-context.js";
import { evaluate, type Evaluation } from "./evaluate.js";
import type { PublishInput } from "./publish.js";

/** How far back an expiry is still worth mentioning in the summary. */
const EXPIRED_LOOKBACK_MS = 30 * 24 * 3600 * 1000;

/** The judgement on an analysis with the store's current baseline and suppressions. */
export async function evaluateStored(
  ctx: JobContext,
  input: PublishInput,
  /** Fingerprints Guardrail already commented on in this PR. */
  commented: ReadonlySet<string>,
): Promise<Evaluation> {
  const repoKey = `${input.owner}/${input.repo}`.toLowerCase();
  const now = new Date();
  const baseBranch = input.pr?.baseRef ?? input.defaultBranch;
  const [baseline, suppressions, expiredSuppressions] = await Promise.all([
    ctx.deps.store.baselines.get(repoKey, baseBranch),
    ctx.deps.store.suppressions.listActive(repoKey, now),
    ctx.deps.store.suppressions.listExpiredSince(
      repoKey,
      new Date(now.getTime() - EXPIRED_LOOKBACK_MS),
      now,
    ),
  ]);
  return evaluate({
    findings: input.findings,
    diff: input.diff,
    baseline,
    suppressions,
    expiredSuppressions,
    config: input.config,
    isFork: input.isFork,
    baseBranch,
    defaultBranch: input.defaultBranch,
    readErrors: input.readErrors,
    alreadyCommented: commented,
    now,
  });
}
