import type { Suppression, SuppressionScope } from "../store/suppression.js";
import { inlineCode } from "./inline-code.js";

/** How replies name suppressions and people (without notifying anyone). */
export function describe(s: Suppression, id: string): string {
  return s.scope.kind === "finding" ? id : `${scopeText(s.scope)} (via ${id})`;
}

export function scopeText(scope: SuppressionScope): string {
  if (scope.kind === "finding") return "this finding";
  if (scope.kind === "rule") return `rule ${inlineCode(scope.ruleId)} everywhere`;
  return `rule ${inlineCode(scope.ruleId)} in ${inlineCode(scope.pathGlob)}`;
}

export function until(s: Suppression): string {
  return s.expiresAt ? `, until ${s.expiresAt.toISOString().slice(0, 10)}` : "";
}

/** Names a person without notifying them again. */
export function who(login: string): string {
  return inlineCode(`@${login}`);
}
