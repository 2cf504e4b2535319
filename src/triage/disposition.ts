import type { Finding } from "../findings/finding.js";
import type { DiffPosition } from "../diff/diff-map.js";
import type { Suppression } from "../domain/suppression.js";
import type { FindingVerdict } from "./verdict.js";

/** Why a finding does not count. */
export type SuppressedBy =
  | { kind: "sarif"; suppressionKind: "inSource" | "external"; justification?: string }
  | { kind: "store"; suppression: Suppression }
  | { kind: "config"; key: "paths_ignore" | "rules_ignore"; pattern: string };

export interface TriagedFinding {
  finding: Finding;
  position: DiffPosition;
  /** Not in the base branch's baseline (or, with no baseline, on an added line). */
  isNew: boolean;
  suppressedBy: SuppressedBy | null;
  /** Its start line may carry an inline comment under `comment_on`. */
  commentable: boolean;
  /** A suppression that would apply but has expired: the summary says so. */
  expiredSuppression: Suppression | null;
  /** A suppression requested for it that awaits an approver: it still counts until approved. */
  awaitingApproval?: Suppression | null;
  /** Set by the policy stage (src/policy/apply-policy.ts); absent: judged by severity alone. */
  verdict?: FindingVerdict;
}

export type GateResult =
  | { conclusion: "success"; reason: string }
  | { conclusion: "neutral"; reason: string }
  | {
      conclusion: "failure";
      reason: string;
      /** Fingerprints of the findings that block: the check title counts only these as blocking. */
      blocking?: string[];
    };
