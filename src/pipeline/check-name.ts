import type { Store } from "../store/store.js";
import type { WorkflowRun } from "../github/workflow-runs.js";

/**
 * "Guardrail", plus the workflow's name when another workflow already reported on this commit, so
 * two scanners' checks don't overwrite each other in the PR's checks list.
 */
export async function checkNameFor(
  store: Store,
  repoKey: string,
  run: WorkflowRun,
): Promise<string> {
  const other = await store.analyses.latestForSha(repoKey, run.headSha);
  if (other && other.workflowName !== run.name && run.name) return `Guardrail · ${run.name}`;
  return "Guardrail";
}
