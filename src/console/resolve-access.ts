import type { AuthDeps } from "./auth-routes.js";
import { readUserAccess, type UserAccess } from "./repository-access.js";
import type { Session } from "./session.js";

/**
 * The session's repositories, from this instance's cache or read again from GitHub with the
 * session's token. A token GitHub no longer accepts (revoked, app uninstalled) ends the session.
 */
export async function resolveAccess(
  deps: Pick<AuthDeps, "cache" | "oauth" | "log">,
  session: Session,
  now: number,
): Promise<UserAccess | undefined> {
  const cached = deps.cache.get(session.id, now);
  if (cached !== undefined) return cached;
  try {
    const access = await readUserAccess(deps.oauth.asUser(session.token));
    if (access.login !== session.login) return undefined;
    deps.cache.set(session.id, access, now);
    return access;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401 || status === 403) return undefined;
    deps.log.warn({ err: error }, "console could not read repository access from GitHub");
    throw error;
  }
}
