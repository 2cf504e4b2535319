import type { AnalyseRunJob } from "../../src/domain/job.js";

/** An analysis job of workflow 7 on `main`: runs of it share one singleton key. */
export function analysis(runId: number, branch = "main"): AnalyseRunJob {
  return {
    kind: "analyse-run",
    installationId: 1,
    owner: "octo",
    repo: "app",
    runId,
    runAttempt: 1,
    deliveryId: `d-${runId}`,
    defaultBranch: "main",
    supersede: { workflowId: 7, headRepo: "octo/app", headBranch: branch },
  };
}

export function runIdsOf(jobs: { job: unknown }[]): number[] {
  return jobs.map(({ job }) => (job as AnalyseRunJob).runId);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
