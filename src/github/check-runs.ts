import type { CheckAnnotation } from "../report/annotation.js";
import { chunk } from "../text/chunk.js";
import type { GitHub } from "./octokit.js";

/** GitHub accepts at most 50 annotations per create/update request; further PATCHes append. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;

export type Conclusion = "success" | "neutral" | "failure";

export interface CheckOutput {
  title: string;
  summary: string;
  text?: string | undefined;
}

export interface NewCheckRun {
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  externalId: string;
  conclusion: Conclusion;
  output: CheckOutput;
  annotations: CheckAnnotation[];
  detailsUrl?: string | undefined;
}

/**
 * Creates a completed check run with the first 50 annotations, then appends the rest 50 per PATCH:
 * the fewest writes the API allows.
 */
export async function createCheckRun(github: GitHub, run: NewCheckRun): Promise<number> {
  return (await createCheckRunLinked(github, run)).id;
}

/** A check run as a reader reaches it: its id, and its page (`html_url`) for links to it. */
export interface CheckRunLink {
  id: number;
  htmlUrl: string | undefined;
}

async function createCheckRunLinked(github: GitHub, run: NewCheckRun): Promise<CheckRunLink> {
  const [first = [], ...rest] = chunk(run.annotations, MAX_ANNOTATIONS_PER_REQUEST);
  const { data } = await github.rest.checks.create({
    owner: run.owner,
    repo: run.repo,
    name: run.name,
    head_sha: run.headSha,
    external_id: run.externalId,
    status: "completed",
    conclusion: run.conclusion,
    completed_at: new Date().toISOString(),
    ...(run.detailsUrl ? { details_url: run.detailsUrl } : {}),
    output: { ...outputOf(run.output), annotations: first },
  });
  for (const annotations of rest) {
    await github.rest.checks.update({
      owner: run.owner,
      repo: run.repo,
      check_run_id: data.id,
      output: { title: run.output.title, summary: run.output.summary, annotations },
    });
  }
  return { id: data.id, htmlUrl: data.html_url ?? undefined };
}

/**
 * The check run an earlier try of the same analysis already created (a crash or retry after the
 * create went through), so the retry updates it instead of adding a second one.
 */
export async function findCheckRun(
  github: GitHub,
  where: {
    owner: string;
    repo: string;
    headSha: string;
    name: string;
    externalId: string;
    appSlug: string;
  },
): Promise<number | null> {
  let data;
  try {
    ({ data } = await github.rest.checks.listForRef({
      owner: where.owner,
      repo: where.repo,
      ref: where.headSha,
      check_name: where.name,
      filter: "all",
      per_page: 100,
    }));
  } catch (error) {
    // Only a lookup to avoid a duplicate: an API that cannot list check runs means there is none.
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
  const mine = data.check_runs.find(
    (run) => run.external_id === where.externalId && (!run.app || run.app.slug === where.appSlug),
  );
  return mine?.id ?? null;
}

/** Re-evaluation after a command: conclusion and summary change in place; annotations stay. */
export async function updateCheckRun(
  github: GitHub,
  where: {
    owner: string;
    repo: string;
    checkRunId: number;
    conclusion: Conclusion;
    output: CheckOutput;
    /** Appended to the check run's annotations, 50 per request. */
    annotations?: CheckAnnotation[] | undefined;
  },
): Promise<string | undefined> {
  const [first = [], ...rest] = chunk(where.annotations ?? [], MAX_ANNOTATIONS_PER_REQUEST);
  const { data } = await github.rest.checks.update({
    owner: where.owner,
    repo: where.repo,
    check_run_id: where.checkRunId,
    status: "completed",
    conclusion: where.conclusion,
    completed_at: new Date().toISOString(),
    output: { ...outputOf(where.output), ...(first.length > 0 ? { annotations: first } : {}) },
  });
  for (const annotations of rest) {
    await github.rest.checks.update({
      owner: where.owner,
      repo: where.repo,
      check_run_id: where.checkRunId,
      output: { title: where.output.title, summary: where.output.summary, annotations },
    });
  }
  // Mocked or older APIs may answer without a body; the link is then simply not offered.
  return (data as { html_url?: string | null } | undefined)?.html_url ?? undefined;
}

/** A check run to bring up to date, or to create when neither its id nor an earlier try's is known. */
export interface CheckRunUpsert {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  externalId: string;
  appSlug: string;
  /** Known from the store (a command's re-evaluation): updated without a lookup. */
  checkRunId?: number | null | undefined;
  conclusion: Conclusion;
  output: CheckOutput;
  /** Sent only when the check run is created: an update keeps the annotations it has. */
  annotations?: CheckAnnotation[] | undefined;
  detailsUrl?: string | undefined;
}

/**
 * The one way Guardrail writes a check run (publish, re-evaluation, the final-failure report): one
 * check run per name and external id on a commit, so a retry or a report never adds a second.
 */
export async function upsertCheckRun(github: GitHub, run: CheckRunUpsert): Promise<number> {
  return (await upsertCheckRunLinked(github, run)).id;
}

/** {@link upsertCheckRun}, also returning the check run's page so a review can link to it. */
export async function upsertCheckRunLinked(
  github: GitHub,
  run: CheckRunUpsert,
): Promise<CheckRunLink> {
  const known = run.checkRunId ?? (await findCheckRun(github, run));
  if (known === null) {
    return createCheckRunLinked(github, { ...run, annotations: run.annotations ?? [] });
  }
  // An update keeps the annotations the check run has: `run.annotations` are for a creation.
  const { owner, repo, conclusion, output } = run;
  const htmlUrl = await updateCheckRun(github, {
    owner,
    repo,
    checkRunId: known,
    conclusion,
    output,
  });
  return { id: known, htmlUrl };
}

function outputOf(output: CheckOutput): { title: string; summary: string; text?: string } {
  return {
    title: output.title,
    summary: output.summary,
    ...(output.text ? { text: output.text } : {}),
  };
}
