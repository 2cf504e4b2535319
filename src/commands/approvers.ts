import type { Role } from "./authorize.js";
import { hasRole } from "./authorize.js";
import { inlineCode } from "./inline-code.js";

/** One entry of `suppressions.approval.approvers`. */
export type Approver =
  { kind: "team"; org: string; slug: string } | { kind: "login"; login: string };

export function parseApprover(entry: string): Approver {
  if (!entry.startsWith("@")) return { kind: "login", login: entry };
  const [org = "", slug = ""] = entry.slice(1).split("/");
  return { kind: "team", org, slug };
}

export interface ApproverCheck {
  login: string;
  /** The requester's login: never their own approver (two-person rule). */
  requester: string;
  approvers: readonly string[];
  role: () => Promise<Role>;
  isTeamMember: (team: { org: string; slug: string }, login: string) => Promise<boolean>;
}

export type ApproverVerdict = { allowed: true } | { allowed: false; message: string };

/**
 * A listed login, or an active member of a listed team, who is not the requester; with no list,
 * anyone with the admin role. Logins compare case-insensitively, as GitHub's do.
 */
export async function checkApprover(check: ApproverCheck): Promise<ApproverVerdict> {
  const login = check.login.toLowerCase();
  if (login === check.requester.toLowerCase()) {
    return {
      allowed: false,
      message: `A request cannot be decided by the person who made it; ${whoMay(check.approvers)}`,
    };
  }
  if (check.approvers.length === 0) {
    if (hasRole(await check.role(), "admin")) return { allowed: true };
  } else {
    for (const approver of check.approvers.map(parseApprover)) {
      if (approver.kind === "login" && approver.login.toLowerCase() === login)
        return { allowed: true };
      if (approver.kind === "team" && (await check.isTeamMember(approver, check.login)))
        return { allowed: true };
    }
  }
  return {
    allowed: false,
    message: `Only approvers may decide this request: ${whoMay(check.approvers)}`,
  };
}

/** "approvers are `@octo/security`, `alice`." — in inline code, so nobody is notified. */
export function whoMay(approvers: readonly string[]): string {
  if (approvers.length === 0) return "anyone with the admin role on this repository may approve.";
  const names = approvers.map((a) => inlineCode(a.startsWith("@") ? a : `@${a}`)).join(", ");
  return `${approvers.length === 1 ? "the approver is" : "approvers are"} ${names}.`;
}
