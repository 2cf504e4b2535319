import type { Insertable, Selectable } from "kysely";
import type { SuppressionsTable } from "./database.js";
import { SUPPRESSION_REASONS } from "./suppression.js";
import type { Suppression, SuppressionScope, SuppressionStatus } from "./suppression.js";

export type SuppressionRow = Selectable<SuppressionsTable>;
export type NewSuppression = Omit<Suppression, "id" | "status" | "decision"> & {
  /** `requested` when the suppression needs an approver first; `active` otherwise (default). */
  status?: "active" | "requested";
};

const STATUSES: readonly SuppressionStatus[] = [
  "requested",
  "active",
  "denied",
  "lifted",
  "expired",
];

export function toSuppressionRow(input: NewSuppression): Insertable<SuppressionsTable> {
  const { scope } = input;
  return {
    repo: input.repo.toLowerCase(),
    scope_kind: scope.kind,
    fingerprint: scope.kind === "finding" ? scope.fingerprint : null,
    tool: scope.kind === "finding" ? null : scope.tool,
    rule_id: scope.kind === "finding" ? null : scope.ruleId,
    path_glob: scope.kind === "path" ? scope.pathGlob : null,
    reason: input.reason,
    justification: input.justification,
    author: input.author,
    created_at: input.createdAt.getTime(),
    expires_at: input.expiresAt?.getTime() ?? null,
    source: input.source,
    status: input.status ?? "active",
    finding_id: input.findingId,
  };
}

export function fromSuppressionRow(row: SuppressionRow): Suppression {
  return {
    id: row.id,
    repo: row.repo,
    scope: scopeOf(row),
    reason: oneOf(SUPPRESSION_REASONS, row.reason, "reason", row.id),
    justification: row.justification,
    author: row.author,
    createdAt: new Date(row.created_at),
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
    source: row.source,
    status: oneOf(STATUSES, row.status, "status", row.id),
    findingId: row.finding_id,
    ...(row.decided_by !== null && row.decided_at !== null
      ? { decision: { by: row.decided_by, at: new Date(row.decided_at), note: row.decision_note } }
      : {}),
  };
}

function scopeOf(row: SuppressionRow): SuppressionScope {
  if (row.scope_kind === "finding" && row.fingerprint !== null) {
    return { kind: "finding", fingerprint: row.fingerprint };
  }
  if (row.tool !== null && row.rule_id !== null) {
    if (row.scope_kind === "rule") return { kind: "rule", tool: row.tool, ruleId: row.rule_id };
    if (row.scope_kind === "path" && row.path_glob !== null) {
      return { kind: "path", tool: row.tool, ruleId: row.rule_id, pathGlob: row.path_glob };
    }
  }
  throw new Error(`suppression ${row.id} has an incomplete ${row.scope_kind} scope`);
}

function oneOf<T extends string>(
  allowed: readonly T[],
  value: string,
  column: string,
  id: number,
): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`suppression ${id} has unknown ${column} "${value}"`);
  return found;
}
