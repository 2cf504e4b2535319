import { RequestError } from "@octokit/request-error";
import type { GitHub } from "./octokit.js";

/**
 * Whether `username` is an active member of the team. Needs the App's organisation permission
 * `members: read`; GitHub answers 404 both for "not a member" and for a team the App cannot see,
 * and a pending invitation is not membership.
 */
export async function isTeamMember(
  github: GitHub,
  p: { org: string; teamSlug: string; username: string },
): Promise<boolean> {
  try {
    const { data } = await github.rest.teams.getMembershipForUserInOrg({
      org: p.org,
      team_slug: p.teamSlug,
      username: p.username,
    });
    return data.state === "active";
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) return false;
    throw error;
  }
}
