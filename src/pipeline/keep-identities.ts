import type { Analysis, Target } from "../domain/analysis.js";
import type { Finding } from "../findings/finding.js";
import { fillTrackKeys } from "../fingerprint/fill-track-keys.js";
import { repoFilesAt } from "../github/repo-files.js";
import { identityCandidates } from "./identity-candidates.js";
import type { JobContext } from "./job-context.js";
import { trackIdentities } from "./track-identities.js";

/**
 * Step 4b (design.md Part 2 "Identity"): the run's findings take the identities they had. In a
 * pull request: the PR's earlier analyses, then the base branch's baseline (with several PRs on
 * one head, the first PR's: the analysis is stored once). On a push: the branch's own baseline,
 * so baseline entries stay themselves as the branch moves; when the push sets the baseline, every
 * finding new to it gets its flagged line read, for later pull requests to track against.
 */
export async function keepIdentities(
  ctx: JobContext,
  analysis: Analysis,
  first: Target | undefined,
  /** A push whose findings become the branch's baseline: those new to it get their lines read. */
  setsBaseline: boolean,
): Promise<Analysis> {
  const { owner, repo, headSha, headBranch } = analysis.run;
  const pr = first?.pr ?? null;
  const candidates = await identityCandidates(ctx.deps, ctx.github, {
    owner,
    repo,
    prNumber: pr?.number ?? null,
    baseBranch: pr?.baseRef ?? headBranch,
  });
  const files = repoFilesAt(ctx.github, { owner, repo, sha: headSha }, ctx.deps.blobCache);
  const content = (path: string) => files.content(path);
  let findings = analysis.findings;
  if (setsBaseline) findings = await withBaselineKeys(findings, candidates.baseline, content);
  const tracked = await trackIdentities({
    findings,
    content,
    diff: first?.diff ?? null,
    ...candidates,
  });
  return { ...analysis, findings: tracked };
}

/** A finding already in the baseline takes its stored keys; any other has its file read. */
async function withBaselineKeys(
  findings: Finding[],
  entries: readonly { fingerprint: string; snippetHash: string; windowHash: string }[],
  content: (path: string) => Promise<Uint8Array | null>,
): Promise<Finding[]> {
  const known = new Map(entries.filter((e) => e.snippetHash !== "").map((e) => [e.fingerprint, e]));
  const unknown = new Set<number>();
  const withKnown = findings.map((finding, i) => {
    const entry = known.get(finding.fingerprint);
    if (entry === undefined) unknown.add(i);
    return entry === undefined
      ? finding
      : { ...finding, track: { window: entry.windowHash, snippet: entry.snippetHash } };
  });
  return fillTrackKeys(withKnown, unknown, content);
}
