/**
 * What the policy stage (src/policy/) concludes about one finding. Declared here, beside the
 * triaged finding that carries it, so the gate can read it without depending on the policy code.
 */
import type { FailOn } from "../config/schema.js";

export type Verdict = "block" | "warn" | "pass" | "ignore";

/** Whose gate decided: the repository's own, or the organisation's `enforce:`. */
export type PolicySource = "repository" | "organisation";

export type VerdictCause =
  | { kind: "rule"; rule: string; source: PolicySource; error?: string }
  | { kind: "fail_on"; failOn: FailOn; source: PolicySource }
  | { kind: "default" };

export interface FindingVerdict {
  verdict: Verdict;
  cause: VerdictCause;
}
