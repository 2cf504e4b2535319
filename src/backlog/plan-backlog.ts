import type { Finding } from "../findings/finding.js";
import { keyString, type BacklogKey } from "./backlog-marker.js";

/** A backlog issue as GitHub lists it, joined with what the store remembers of it. */
export interface KnownIssue {
  number: number;
  key: BacklogKey;
  open: boolean;
  title: string;
  body: string;
  /** What the store says it listed; empty when the store never saw it. */
  fingerprints: readonly string[];
  /** Closed on GitHub while the store thought it open (or never knew it): a person closed it. */
  closedByPerson: boolean;
}

export interface BacklogGroup {
  key: BacklogKey;
  toolName: string;
  findings: Finding[];
}

export type BacklogAction =
  | { kind: "create"; group: BacklogGroup }
  | { kind: "update"; issue: KnownIssue; group: BacklogGroup }
  | { kind: "close"; issue: KnownIssue }
  | { kind: "dismiss"; issue: KnownIssue };

/** Backlog findings per tool and rule, in first-seen order. */
export function groupFindings(findings: readonly Finding[]): BacklogGroup[] {
  const groups = new Map<string, BacklogGroup>();
  for (const f of findings) {
    const key = { tool: f.tool.name.toLowerCase(), rule: f.rule.id };
    const id = keyString(key);
    const group = groups.get(id) ?? { key, toolName: f.tool.name, findings: [] };
    group.findings.push(f);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/**
 * What to write: per tool and rule, the open issue is updated (or closed when nothing is left)
 * and a missing one created. Findings a person's closed issue listed are not raised again; a
 * finding it did not list opens a new issue. Closed issues are never reopened.
 */
export function planBacklog(
  groups: readonly BacklogGroup[],
  issues: readonly KnownIssue[],
): BacklogAction[] {
  const actions: BacklogAction[] = issues
    .filter((i) => !i.open && i.closedByPerson)
    .map((issue) => ({ kind: "dismiss" as const, issue }));
  const byKey = new Map(groups.map((g) => [keyString(g.key), g]));
  const keys = new Set([
    ...byKey.keys(),
    ...issues.filter((i) => i.open).map((i) => keyString(i.key)),
  ]);
  for (const id of keys) {
    const dismissed = new Set(
      issues
        .filter((i) => keyString(i.key) === id && !i.open && i.closedByPerson)
        .flatMap((i) => i.fingerprints),
    );
    const group = byKey.get(id);
    const remaining = group?.findings.filter((f) => !dismissed.has(f.fingerprint)) ?? [];
    const [open, ...duplicates] = issues
      .filter((i) => keyString(i.key) === id && i.open)
      .sort((a, b) => a.number - b.number);
    for (const issue of duplicates) actions.push({ kind: "close", issue });
    if (remaining.length === 0) {
      if (open) actions.push({ kind: "close", issue: open });
    } else if (group) {
      const kept = { ...group, findings: remaining };
      actions.push(
        open ? { kind: "update", issue: open, group: kept } : { kind: "create", group: kept },
      );
    }
  }
  return actions;
}
