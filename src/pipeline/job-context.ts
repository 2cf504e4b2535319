import type { Logger } from "pino";
import type { AppDeps } from "../app-deps.js";
import type { GitHub } from "../github/octokit.js";

/** What a job's domain code is handed: an installation client, a child logger and the shared deps. */
export interface JobContext {
  github: GitHub;
  log: Logger;
  deps: AppDeps;
  /** The App's bot login without `[bot]`, to recognise Guardrail's own comments. */
  appSlug: string;
  /** The last try: a failure now is final and is reported in the check run. */
  finalAttempt: boolean;
}
