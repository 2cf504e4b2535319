/**
 * One suppression as `guardrail suppressions export` writes it and `check --suppressions` reads it
 * back: flat, snake_case like the config, readable in review when a repository pins it as code.
 */
import { z } from "zod";
import {
  SUPPRESSION_REASONS,
  type Suppression,
  type SuppressionScope,
} from "../store/suppression.js";

const timestamp = z.string().refine((text) => !Number.isNaN(Date.parse(text)), {
  error: "expected a date (YYYY-MM-DD or ISO 8601)",
});

const SCOPE_NEEDS = {
  finding: ["fingerprint"],
  rule: ["tool", "rule"],
  path: ["tool", "rule", "path"],
} as const;

export const suppressionEntrySchema = z
  .strictObject({
    id: z.int().optional(),
    scope: z.enum(["finding", "rule", "path"]),
    fingerprint: z.string().min(1).optional(),
    finding_id: z.string().nullable().optional(),
    tool: z.string().min(1).optional(),
    rule: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    reason: z.enum(SUPPRESSION_REASONS),
    justification: z.string().min(1),
    author: z.string().min(1),
    created: timestamp.optional(),
    expires: timestamp.nullable().optional(),
    source: z.string().nullable().optional(),
    /** Absent means active. Only active entries apply; requests are shown as awaiting approval. */
    status: z.enum(["requested", "active", "denied"]).optional(),
    decided_by: z.string().min(1).optional(),
    decided_at: timestamp.optional(),
    decision_note: z.string().nullable().optional(),
  })
  .superRefine((entry, ctx) => {
    for (const key of SCOPE_NEEDS[entry.scope]) {
      if (entry[key] === undefined) {
        ctx.addIssue({ code: "custom", path: [key], message: `scope ${entry.scope} needs ${key}` });
      }
    }
  });

export type SuppressionEntry = z.infer<typeof suppressionEntrySchema>;

export function toEntry(s: Suppression): SuppressionEntry {
  const scope = s.scope;
  return {
    id: s.id,
    scope: scope.kind,
    ...(scope.kind === "finding"
      ? { fingerprint: scope.fingerprint, finding_id: s.findingId }
      : {}),
    ...(scope.kind === "finding" ? {} : { tool: scope.tool, rule: scope.ruleId }),
    ...(scope.kind === "path" ? { path: scope.pathGlob } : {}),
    reason: s.reason,
    justification: s.justification,
    author: s.author,
    created: s.createdAt.toISOString(),
    expires: s.expiresAt?.toISOString() ?? null,
    source: s.source,
    ...(s.status === "requested" || s.status === "denied" ? { status: s.status } : {}),
    ...(s.decision
      ? {
          decided_by: s.decision.by,
          decided_at: s.decision.at.toISOString(),
          decision_note: s.decision.note,
        }
      : {}),
  };
}

/** `fallbackId`: files written by hand may leave ids out; triage only needs them distinct. */
export function fromEntry(
  entry: SuppressionEntry,
  where: { repo: string; fallbackId: number; file: string },
): Suppression {
  return {
    id: entry.id ?? where.fallbackId,
    repo: where.repo,
    scope: scopeOf(entry),
    reason: entry.reason,
    justification: entry.justification,
    author: entry.author,
    createdAt: entry.created === undefined ? new Date(0) : new Date(entry.created),
    expiresAt:
      entry.expires === undefined || entry.expires === null ? null : new Date(entry.expires),
    source: entry.source ?? where.file,
    status: entry.status ?? "active",
    findingId: entry.finding_id ?? null,
    ...(entry.decided_by !== undefined && entry.decided_at !== undefined
      ? {
          decision: {
            by: entry.decided_by,
            at: new Date(entry.decided_at),
            note: entry.decision_note ?? null,
          },
        }
      : {}),
  };
}

function scopeOf(entry: SuppressionEntry): SuppressionScope {
  // The schema's check guarantees the fields each scope needs.
  if (entry.scope === "finding") return { kind: "finding", fingerprint: entry.fingerprint ?? "" };
  const rule = { tool: entry.tool ?? "", ruleId: entry.rule ?? "" };
  return entry.scope === "rule"
    ? { kind: "rule", ...rule }
    : { kind: "path", ...rule, pathGlob: entry.path ?? "" };
}
