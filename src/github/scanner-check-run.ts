/**
 * The `Guardrail · required scanners` check run: created `in_progress` when a pull request head
 * appears, updated as analyses arrive, completed once (src/pipeline/required-scanners.ts).
 */
import type { RequiredToolsState } from "../policy/required-tools.js";
import { REQUIRED_SCANNERS_CHECK } from "../policy/required-tools.js";
import type { GitHub } from "./octokit.js";

export async function createScannerCheck(
  github: GitHub,
  where: { owner: string; repo: string; headSha: string; prNumber: number },
  state: RequiredToolsState,
): Promise<number> {
  const { data } = await github.rest.checks.create({
    owner: where.owner,
    repo: where.repo,
    name: REQUIRED_SCANNERS_CHECK,
    head_sha: where.headSha,
    external_id: `required-tools:${where.prNumber}`,
    ...statusOf(state),
    output: { title: state.title, summary: state.summary },
  });
  return data.id;
}

export async function updateScannerCheck(
  github: GitHub,
  where: { owner: string; repo: string; checkRunId: number },
  state: RequiredToolsState,
): Promise<void> {
  await github.rest.checks.update({
    owner: where.owner,
    repo: where.repo,
    check_run_id: where.checkRunId,
    ...statusOf(state),
    output: { title: state.title, summary: state.summary },
  });
}

function statusOf(state: RequiredToolsState) {
  return state.status === "in_progress"
    ? { status: "in_progress" as const }
    : {
        status: "completed" as const,
        conclusion: state.conclusion,
        completed_at: new Date().toISOString(),
      };
}
