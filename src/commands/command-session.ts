import { RequestError } from "@octokit/request-error";
import { loadConfig } from "../config/load-config.js";
import type { GuardrailConfig } from "../config/schema.js";
import type { Finding } from "../findings/finding.js";
import type { Suppression } from "../store/suppression.js";
import { getPullRequest, type PullRequestRef } from "../github/pull-requests.js";
import type { CommandJob } from "../domain/job.js";
import type { JobContext } from "../pipeline/job-context.js";
import { decodeAnalysis, type StoredAnalysis } from "../pipeline/analysis-codec.js";
import { defaultConfig } from "../pipeline/repository-config.js";
import { effectiveRole, type Role } from "./authorize.js";

/**
 * What the commands of one comment share, each fetched once and only when a command needs it:
 * the PR, its latest stored analysis, the author's role and the repository config.
 */
export class CommandSession {
  readonly repoKey: string;
  /** Set when a command changed suppressions: the check run is then re-evaluated once. */
  changed = false;
  /** Findings whose suppressions a `/open` lifted: their threads are reopened. */
  readonly reopened = new Set<string>();
  /** Suppressions this comment recorded as requests, or approved or denied (for notifications). */
  readonly requested: Suppression[] = [];
  readonly decided: { suppression: Suppression; verdict: "approved" | "denied" }[] = [];
  #pr?: Promise<PullRequestRef>;
  #analyses?: Promise<StoredAnalysis[]>;
  #role?: Promise<Role>;
  #config?: Promise<GuardrailConfig>;

  constructor(
    readonly ctx: JobContext,
    readonly job: CommandJob,
  ) {
    this.repoKey = `${job.owner}/${job.repo}`.toLowerCase();
  }

  get where() {
    return { owner: this.job.owner, repo: this.job.repo };
  }

  pr(): Promise<PullRequestRef> {
    return (this.#pr ??= getPullRequest(this.ctx.github, {
      ...this.where,
      pullNumber: this.job.pullNumber,
    }));
  }

  /** The latest analysis of each scanner workflow that reported on the PR. */
  analyses(): Promise<StoredAnalysis[]> {
    return (this.#analyses ??= this.ctx.deps.store.analyses
      .latestPerWorkflowForPr(this.repoKey, this.job.pullNumber)
      .then((records) => records.map(decodeAnalysis)));
  }

  /** Every finding those analyses report, once each. */
  async findings(): Promise<Finding[]> {
    const byFingerprint = new Map<string, Finding>();
    for (const analysis of await this.analyses()) {
      for (const finding of analysis.analysis.findings) {
        if (!byFingerprint.has(finding.fingerprint))
          byFingerprint.set(finding.fingerprint, finding);
      }
    }
    return [...byFingerprint.values()];
  }

  role(): Promise<Role> {
    return (this.#role ??= this.ctx.github.rest.repos
      .getCollaboratorPermissionLevel({ ...this.where, username: this.job.author })
      .then(({ data }) => effectiveRole({ permission: data.permission, role_name: data.role_name }))
      .catch((error: unknown) => {
        // Not a collaborator (a fork author, say): no role at all.
        if (error instanceof RequestError && error.status === 404) return "none" as const;
        throw error;
      }));
  }

  config(): Promise<GuardrailConfig> {
    return (this.#config ??= loadConfig(this.ctx.github, this.where).then((loaded) =>
      loaded.ok ? loaded.config : defaultConfig(),
    ));
  }
}
