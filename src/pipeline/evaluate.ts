import type { GuardrailConfig } from "../config/schema.js";
import type { DiffMap, FileDiff } from "../diff/diff-map.js";
import type { Finding } from "../findings/finding.js";
import { applyPolicy, type PolicyReport } from "../policy/apply-policy.js";
import { planReport, type ReportPlan } from "../report/plan.js";
import type { Suppression } from "../store/suppression.js";
import type { BaseSnippets } from "../tracking/known-at-base.js";
import type { GateResult, TriagedFinding } from "../triage/disposition.js";
import { gate, policyFor } from "../triage/gate.js";
import { triage } from "../triage/triage.js";

export interface EvaluationInput {
  findings: Finding[];
  /** null: no pull request (a push): nothing gates, new findings are only reported. */
  diff: DiffMap | null;
  baseline: ReadonlyMap<string, ReadonlySet<string>> | null;
  /** Flagged lines that existed at the base: the safety net under the tracker (triage.ts). */
  baseSnippets?: BaseSnippets;
  suppressions: Suppression[];
  expiredSuppressions: Suppression[];
  config: GuardrailConfig;
  isFork: boolean;
  baseBranch: string;
  defaultBranch: string;
  readErrors: number;
  alreadyCommented: ReadonlySet<string>;
  now: Date;
}

export interface Evaluation {
  /** Every finding except those a gate rule ignores. */
  triaged: TriagedFinding[];
  gate: GateResult;
  plan: ReportPlan;
  /** What the gate rules decided, for the summary's Policy section. */
  policy: PolicyReport;
}

/** Steps 5–6 and the report plan: pure, so a command can re-run it on stored findings. */
export function evaluate(input: EvaluationInput): Evaluation {
  const { config } = input;
  // Gate rules judge each finding; an ignored one leaves comments, annotations and the gate.
  const judged = applyPolicy(triage({ ...input, diff: input.diff }), input);
  const triaged = judged.triaged;
  const policy = input.diff
    ? policyFor(config, input.baseBranch, input.defaultBranch)
    : // Gates block only what a pull request introduces; a push is reported, never blocked.
      { fail_on: "none" as const, branches: [], base: input.baseBranch, reportOnly: true };
  const plan = planReport({
    triaged,
    diff: input.diff ?? new Map<string, FileDiff>(),
    alreadyCommented: input.alreadyCommented,
    config: {
      commentOn: config.comment_on,
      maxInlineComments: config.max_inline_comments,
      annotate: config.annotate,
      maxAnnotations: config.max_annotations,
    },
  });
  return {
    triaged,
    gate: gate(triaged, policy, { readErrors: input.readErrors }),
    plan,
    policy: judged.report,
  };
}
