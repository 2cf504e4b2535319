import type { BlobCache } from "../github/blob-cache.js";
import type { GitHub } from "../github/octokit.js";
import { repoFilesAt } from "../github/repo-files.js";
import type { Finding } from "../findings/finding.js";
import type { Store } from "../store/store.js";
import type { BaselineEntry } from "../store/baselines.js";
import type { EarlierAnalysis } from "./track-identities.js";

/**
 * What a run's findings are tracked to: the pull request's latest analysis per workflow (their
 * findings carry the identities its threads and suppressions name; files read lazily at their
 * commits) and the open entries of the base branch's baseline (for a push, the branch's own).
 */
export async function identityCandidates(
  deps: { store: Store; blobCache: BlobCache },
  github: GitHub,
  where: { owner: string; repo: string; prNumber: number | null; baseBranch: string },
): Promise<{ earlier: EarlierAnalysis[]; baseline: BaselineEntry[] }> {
  const repoKey = `${where.owner}/${where.repo}`.toLowerCase();
  const [records, baseline] = await Promise.all([
    where.prNumber === null
      ? Promise.resolve([])
      : deps.store.analyses.latestPerWorkflowForPr(repoKey, where.prNumber),
    deps.store.baselines.entries(repoKey, where.baseBranch),
  ]);
  const earlier = records.map((record) => {
    const files = repoFilesAt(github, { ...where, sha: record.headSha }, deps.blobCache);
    return {
      findings: record.findings as Finding[],
      content: (path: string) => files.content(path),
    };
  });
  return { earlier, baseline: baseline ?? [] };
}
