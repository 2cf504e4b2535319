import type { UserOctokit } from "./oauth-client.js";

export interface VisibleRepository {
  /** `owner/name` as GitHub spells it. */
  fullName: string;
  /** Lower-cased, as the store keys repositories. */
  key: string;
  htmlUrl: string;
}

export interface UserAccess {
  login: string;
  /** Every repository the user can reach through an installation of this App, by store key. */
  repositories: Map<string, VisibleRepository>;
}

/**
 * What the signed-in user may see: `GET /user/installations` lists the App's installations the
 * user can access, and each installation's repositories endpoint lists only the repositories the
 * user can access within it. GitHub, not the console, decides.
 */
export async function readUserAccess(octokit: UserOctokit): Promise<UserAccess> {
  const { data: user } = await octokit.request("GET /user");
  const installations = await octokit.paginate("GET /user/installations", { per_page: 100 });
  const repositories = new Map<string, VisibleRepository>();
  for (const installation of installations) {
    const repos = await octokit.paginate("GET /user/installations/{installation_id}/repositories", {
      installation_id: installation.id,
      per_page: 100,
    });
    for (const repo of repos) {
      const key = repo.full_name.toLowerCase();
      repositories.set(key, { fullName: repo.full_name, key, htmlUrl: repo.html_url });
    }
  }
  return { login: user.login, repositories };
}
