import { backlogBody, backlogTitle } from "./backlog-body.js";
import * as api from "./backlog-github.js";
import type { BacklogAction } from "./plan-backlog.js";
import type { BacklogContext, BacklogInput } from "./sync-backlog.js";

/** One planned write (or store update); returns how many GitHub writes it took. */
export async function applyBacklogAction(
  ctx: BacklogContext,
  input: BacklogInput,
  step: {
    repo: string;
    action: BacklogAction;
    records: ReadonlyMap<number, { state: string; fingerprints: string[] }>;
    pause: () => Promise<void>;
  },
): Promise<number> {
  const { repo, action, records, pause } = step;
  const where = { owner: input.owner, repo: input.repo };
  const save = (
    number: number,
    key: { tool: string; rule: string },
    state: "open" | "closed" | "dismissed",
    fingerprints: string[],
  ) =>
    ctx.backlog.save({
      repo,
      issueNumber: number,
      ...key,
      state,
      fingerprints,
      updatedAt: new Date(),
    });
  if (action.kind === "dismiss") {
    if (records.get(action.issue.number)?.state !== "dismissed") {
      await save(action.issue.number, action.issue.key, "dismissed", [
        ...action.issue.fingerprints,
      ]);
    }
    return 0;
  }
  if (action.kind === "close") {
    // Remembered first: should the close fail, GitHub still shows it open and the next push retries.
    await save(action.issue.number, action.issue.key, "closed", [...action.issue.fingerprints]);
    const comment = `None of these findings is left on \`${input.branch.replace(/`/g, "'")}\` at ${input.sha}: closing.`;
    await api.closeBacklogIssue(
      ctx.github,
      { ...where, number: action.issue.number, comment },
      pause,
    );
    return 2;
  }
  const view = { ...action.group, repoUrl: input.repoUrl, sha: input.sha, branch: input.branch };
  const title = backlogTitle(view);
  const body = backlogBody(view);
  const fingerprints = action.group.findings.map((f) => f.fingerprint);
  if (action.kind === "create") {
    const number = await api.createBacklogIssue(ctx.github, {
      ...where,
      title,
      body,
      labels: [...input.config.backlog.labels],
    });
    await save(number, action.group.key, "open", fingerprints);
    return 1;
  }
  // The body names the commit, so it changes on every push: only a changed list is written.
  const changed =
    !sameSet(records.get(action.issue.number)?.fingerprints ?? [], fingerprints) ||
    action.issue.title !== title;
  if (changed)
    await api.updateBacklogIssue(ctx.github, {
      ...where,
      number: action.issue.number,
      title,
      body,
    });
  await save(action.issue.number, action.group.key, "open", fingerprints);
  return changed ? 1 : 0;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && b.every((x) => set.has(x));
}
