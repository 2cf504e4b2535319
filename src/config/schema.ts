/**
 * `.github/guardrail.yml`, validated at the boundary. Keys stay in the YAML's snake_case so a
 * config error, a log line and the code all use the same name.
 */
import { z } from "zod";
import { SEVERITIES } from "../findings/finding.js";
import { celProblem } from "./cel-environment.js";

export const FAIL_ON_LEVELS = [...SEVERITIES, "none"] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export const ROLES = ["read", "triage", "write", "maintain", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** A review with more inline comments than this is noise, and each one costs review API budget. */
export const MAX_INLINE_COMMENTS_LIMIT = 100;
/** 50 annotations per request: 1,000 is 20 PATCH requests, the most one check run should cost. */
export const MAX_ANNOTATIONS_LIMIT = 1000;

/** `90d` (days from now) or a calendar date `YYYY-MM-DD`; `src/commands/expiry.ts` resolves it. */
const EXPIRY_PATTERN = /^(?:[1-9]\d*d|\d{4}-\d{2}-\d{2})$/;

const globList = z.array(z.string().min(1));

export const RULE_ACTIONS = ["block", "warn", "ignore"] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

/** A CEL rule is compiled and type-checked here, so a broken one fails the config closed. */
const gateRule = z
  .strictObject({
    name: z.string().min(1),
    when: z.string().min(1),
    action: z.enum(RULE_ACTIONS),
  })
  .superRefine((rule, ctx) => {
    const problem = celProblem(rule.when);
    if (problem !== null) {
      ctx.addIssue({ code: "custom", path: ["when"], message: `rule "${rule.name}": ${problem}` });
    }
  });

const gateEntry = z.strictObject({
  branches: globList.min(1),
  fail_on: z.enum(FAIL_ON_LEVELS),
  rules: z.array(gateRule).default([]),
});

/** SARIF `tool.driver.name` values; matched case-insensitively, `Semgrep` also `Semgrep OSS`. */
const toolList = z.array(z.string().min(1));
/** `30m`, `2h`, `45s`, `1d`. */
export const DURATION_PATTERN = /^[1-9]\d*(?:s|m|h|d)$/;

export const DEFAULT_GATE: readonly Readonly<z.input<typeof gateEntry>>[] = [
  { branches: ["$default", "release/*"], fail_on: "high" },
  { branches: ["**"], fail_on: "none" },
];

/** `@org/team-slug` (a team, checked with the Teams API) or a GitHub login. */
const APPROVER_PATTERN =
  /^(?:@[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*|[A-Za-z0-9][A-Za-z0-9-]*)$/;

const approval = z.strictObject({
  /** Severity at or above which a suppression is a request until an approver approves it. */
  required_for: z.enum(FAIL_ON_LEVELS).default("none"),
  /** Empty: anyone with the admin role on the repository. */
  approvers: z
    .array(z.string().regex(APPROVER_PATTERN, { error: 'expected "@org/team-slug" or a login' }))
    .default([]),
  /** The longest expiry an approval may grant, e.g. "180d"; longer requests are shortened. */
  max_expiry: z
    .string()
    .regex(/^[1-9]\d*d$/, { error: 'expected a number of days like "180d"' })
    .nullable()
    .default(null),
});

const suppressions = z.strictObject({
  permission: z.enum(ROLES).default("write"),
  broad_scope_permission: z.enum(ROLES).default("maintain"),
  default_expiry: z
    .string()
    .regex(EXPIRY_PATTERN, { error: 'expected a number of days like "90d" or a date YYYY-MM-DD' })
    .nullable()
    .default(null),
  approval: approval.prefault({}),
});

/** What may be sent to chat (design.md "Notifications and backlog"). */
export const NOTIFY_EVENTS = [
  "escape",
  "gate_failure",
  "suppression_request",
  "suppression_approved",
  "expiring",
] as const;
export type NotifyEventKind = (typeof NOTIFY_EVENTS)[number];

const notify = z.strictObject({
  on: z.array(z.enum(NOTIFY_EVENTS)).default(["escape", "gate_failure", "suppression_request"]),
  min_severity: z.enum(SEVERITIES).default("high"),
});

const backlog = z.strictObject({
  enabled: z.boolean().default(false),
  severities: z.array(z.enum(SEVERITIES)).default(["low", "medium"]),
  labels: z.array(z.string().min(1).max(50)).default(["security"]),
});

export const guardrailConfigSchema = z.strictObject({
  /** Consumed by the config plugin while loading; accepted here so a raw file also validates. */
  _extends: z.string().optional(),
  artifacts: globList.default(["*sarif*"]),
  paths_ignore: globList.default([]),
  rules_ignore: globList.default([]),
  comment_on: z.enum(["added", "diff_context", "none"]).default("added"),
  max_inline_comments: z.int().min(0).max(MAX_INLINE_COMMENTS_LIMIT).default(20),
  annotate: z.enum(["changed-files", "all", "none"]).default("changed-files"),
  max_annotations: z.int().min(0).max(MAX_ANNOTATIONS_LIMIT).default(50),
  // prefault: the defaults are parsed like a file's, so every config gets its own entries.
  gate: z.array(gateEntry).prefault(() => DEFAULT_GATE.map((entry) => ({ ...entry }))),
  suppressions: suppressions.prefault({}),
  /** Branches whose pushes are analysed and stored as baselines; `$default` is the default branch. */
  tracked_branches: globList.default(["$default", "release/*"]),
  required_tools: toolList.default([]),
  required_tools_timeout: z
    .string()
    .regex(DURATION_PATTERN, { error: 'expected a duration like "30m", "2h" or "1d"' })
    .default("30m"),
  enrichment: z
    .strictObject({ kev: z.boolean().default(true), epss: z.boolean().default(false) })
    .prefault({}),
  notify: notify.prefault({}),
  backlog: backlog.prefault({}),
  /** Only honoured from the organisation's `.github` repository (src/config/apply-enforce.ts). */
  enforce: z
    .strictObject({
      gate: z.array(gateEntry).optional(),
      required_tools: toolList.optional(),
      suppressions: suppressions.optional(),
    })
    .optional(),
});

export type GuardrailConfig = Omit<z.output<typeof guardrailConfigSchema>, "_extends">;
export type GateEntry = GuardrailConfig["gate"][number];
