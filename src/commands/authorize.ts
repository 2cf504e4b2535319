import type { ScopeOption } from "./command.js";

/** Repository roles, weakest first. */
export const ROLES = ["none", "read", "triage", "write", "maintain", "admin"] as const;
export type Role = (typeof ROLES)[number];

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * The caller's role from GitHub's collaborator permission endpoint. Its `permission` folds
 * maintain into write and triage into read, so `role_name` wins when it is a built-in role;
 * a custom role's name says nothing about its base, so `permission` decides then.
 */
export function effectiveRole(p: { permission: string; role_name?: string | null }): Role {
  const roleName = p.role_name?.toLowerCase() ?? "";
  if (isRole(roleName) && roleName !== "none") return roleName;
  const permission = p.permission.toLowerCase();
  return isRole(permission) ? permission : "none";
}

export function hasRole(had: Role, needed: Role): boolean {
  return ROLES.indexOf(had) >= ROLES.indexOf(needed);
}

/** The `suppressions` keys of the repository config that decide who may do what. */
export interface PermissionConfig {
  permission: Role;
  broad_scope_permission: Role;
}

/** `scope` may be a command's ScopeOption or a stored SuppressionScope (for lifting). */
export interface AuthorizeInput {
  role: Role;
  scope: { kind: ScopeOption["kind"] };
  config: PermissionConfig;
  /** Named in the refusal, rendered so that it does not notify. */
  login?: string;
  /** Lifting a suppression needs the role its scope needed to create. Default "suppress". */
  action?: "suppress" | "lift";
}

export type AuthorizeResult =
  { allowed: true } | { allowed: false; needed: Role; had: Role; message: string };

export function authorize(input: AuthorizeInput): AuthorizeResult {
  const { role, scope, config } = input;
  const needed = scope.kind === "finding" ? config.permission : config.broad_scope_permission;
  if (hasRole(role, needed)) return { allowed: true };
  const message = refusalMessage({
    login: input.login ?? null,
    scope,
    action: input.action ?? "suppress",
    needed,
    had: role,
  });
  return { allowed: false, needed, had: role, message };
}

const WHAT: Readonly<Record<"suppress" | "lift", Record<ScopeOption["kind"], string>>> = {
  suppress: {
    finding: "Suppressing a finding",
    rule: "Suppressing a whole rule",
    path: "Suppressing a rule for a path",
  },
  lift: {
    finding: "Lifting a finding's suppression",
    rule: "Lifting a rule-wide suppression",
    path: "Lifting a path-wide suppression",
  },
};

/**
 * "Suppressing a whole rule needs the maintain role on this repository; `@alice` has write."
 * The login sits in inline code, where GitHub does not notify mentions.
 */
export function refusalMessage(p: {
  login: string | null;
  scope: { kind: ScopeOption["kind"] };
  action: "suppress" | "lift";
  needed: Role;
  had: Role;
}): string {
  const who = p.login === null ? "you" : `\`@${p.login.replace(/[^A-Za-z0-9\-[\]]/g, "")}\``;
  const has = p.login === null ? "have" : "has";
  const role = p.had === "none" ? "no role on it" : p.had;
  return `${WHAT[p.action][p.scope.kind]} needs the ${p.needed} role on this repository; ${who} ${has} ${role}.`;
}
