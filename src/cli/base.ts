/**
 * What the working tree is compared with, as a pull request is with its base: the merge base of
 * HEAD and `--base` (default: the repository's default branch), so commits that landed on the base
 * since the branch started are not counted as the branch's own.
 */
import { CliError } from "./cli-error.js";
import { branchOf, commitOf, defaultBranch, mergeBase } from "./git.js";

export interface Base {
  /** As given, or the default branch's ref. */
  ref: string;
  mergeBase: string;
  /**
   * The branch whose gate policy applies: the branch `ref` names, else (a SHA, a tag, `HEAD~1`)
   * the default branch, the usual target of local work.
   */
  branch: string;
  defaultBranch: string;
  headSha: string;
}

export function resolveBase(root: string, explicit: string | undefined): Base {
  const fallback = defaultBranch(root);
  const ref = explicit ?? fallback?.ref;
  if (ref === undefined) {
    throw new CliError(
      "no default branch found (no origin/HEAD, main or master): pass --base <ref>",
    );
  }
  const commit = commitOf(root, ref);
  if (commit === undefined) {
    throw new CliError(
      `unknown base ref "${ref}": no such commit in this repository (fetch it, or pass another --base)`,
    );
  }
  const headSha = commitOf(root, "HEAD");
  if (headSha === undefined)
    throw new CliError("HEAD has no commit yet: commit once, then run guardrail check");
  const base = mergeBase(root, "HEAD", commit);
  if (base === undefined)
    throw new CliError(`HEAD and "${ref}" share no history: pass another --base`);
  const branch = branchOf(root, ref) ?? fallback?.name ?? "main";
  return { ref, mergeBase: base, branch, defaultBranch: fallback?.name ?? branch, headSha };
}
