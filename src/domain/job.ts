/** Work the webhook handlers hand to the queue. Payloads hold only what GitHub signed or the API said. */

export interface RepoRef {
  installationId: number;
  owner: string;
  repo: string;
}

/** Analyse one attempt of one workflow run. */
export interface AnalyseRunJob extends RepoRef {
  kind: "analyse-run";
  runId: number;
  runAttempt: number;
  deliveryId: string;
  defaultBranch: string;
  /** Identify the workflow and branch, so a newer run supersedes a queued older one. */
  supersede?: { workflowId: number; headRepo: string; headBranch: string } | undefined;
  /** When the run completed (time-to-feedback starts here), ISO 8601. */
  completedAt?: string | undefined;
}

/** A PR comment that may hold Guardrail commands. */
export interface CommandJob extends RepoRef {
  kind: "command";
  deliveryId: string;
  pullNumber: number;
  /** issue_comment: the PR conversation; review_comment: a reply in an inline thread. */
  source: "issue_comment" | "review_comment";
  commentId: number;
  commentUrl: string;
  body: string;
  author: string;
  /** The thread's first comment, for replies in a review thread. */
  inReplyToId?: number | undefined;
}

/**
 * Every job kind by name. A new kind is one line here (or a `declare module` augmentation beside
 * its handler) plus one line in src/jobs/registry.ts; the compiler asks for the handler.
 * A kind's payload extends RepoRef and has a `deliveryId`; `singletonKey` (when set) makes the
 * queue replace a queued job with the same key.
 */
export interface JobKinds {
  "analyse-run": AnalyseRunJob;
  command: CommandJob;
}

export type JobKind = keyof JobKinds;
export type Job = JobKinds[JobKind];

/**
 * A queued analysis of a workflow on a branch is replaced by a newer run of the same workflow on the
 * same branch (a newer head supersedes it); commands are never replaced.
 */
export function singletonKeyOf(job: Job): string {
  const repo = `${job.owner}/${job.repo}`.toLowerCase();
  if (job.kind === "command") return `comment:${repo}:${job.commentId}`;
  if (job.kind === "analyse-run") {
    const { supersede } = job;
    return supersede
      ? `run:${repo}:${supersede.workflowId}:${supersede.headRepo.toLowerCase()}:${supersede.headBranch}`
      : `run:${repo}:${job.runId}:${job.runAttempt}`;
  }
  return keyOfOther(job);
}

/** Kinds added later: their own `singletonKey`, else one job per delivery. */
function keyOfOther(job: { kind: string; owner: string; repo: string } & object): string {
  const own =
    "singletonKey" in job && typeof job.singletonKey === "string" ? job.singletonKey : null;
  const delivery = "deliveryId" in job && typeof job.deliveryId === "string" ? job.deliveryId : "";
  return own ?? `${job.kind}:${`${job.owner}/${job.repo}`.toLowerCase()}:${delivery}`;
}
