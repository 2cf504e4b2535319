import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { AccessCache } from "./access-cache.js";
import type { ConsoleConfig } from "./console-config.js";
import { clearCookie } from "./cookies.js";
import { checkState, clearState, newState } from "./oauth-state.js";
import type { OAuthClient } from "./oauth-client.js";
import { readUserAccess } from "./repository-access.js";
import { redirect, send, HTML } from "./respond.js";
import type { Render } from "./render.js";
import { cookiePath, newSession, readSession, SESSION_COOKIE } from "./session.js";

export interface AuthDeps {
  config: ConsoleConfig;
  oauth: OAuthClient;
  cache: AccessCache;
  render: Render;
  log: Logger;
  root: string;
}

/** `/console/login`: a fresh state bound to this browser, then GitHub's authorize page. */
export function startLogin(deps: AuthDeps, res: ServerResponse, url: URL, now: number): void {
  const { state, cookie } = newState(
    deps.config,
    safeNext(deps.root, url.searchParams.get("next")),
    now,
  );
  redirect(res, deps.oauth.authorizeUrl(state), [cookie]);
}

/** `/console/auth/callback`: a wrong or missing state is refused (400) before any token exchange. */
export async function finishLogin(
  deps: AuthDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  now: number,
) {
  const next = checkState(deps.config, req, url.searchParams.get("state"), now);
  const code = url.searchParams.get("code");
  if (next === undefined || code === null) {
    message(
      deps,
      res,
      400,
      "Sign-in failed",
      "The sign-in request was not started here or has expired. Please sign in again.",
      [clearState(deps.config)],
    );
    return;
  }
  try {
    const token = await deps.oauth.exchange(code, url.searchParams.get("state") ?? "");
    const access = await readUserAccess(deps.oauth.asUser(token));
    const { session, cookie } = newSession(deps.config, access.login, token, now);
    deps.cache.set(session.id, access, now);
    deps.log.info(
      { login: access.login, repositories: access.repositories.size },
      "console sign-in",
    );
    redirect(res, next, [cookie, clearState(deps.config)]);
  } catch (error) {
    deps.log.warn({ err: error }, "console sign-in failed at GitHub");
    message(
      deps,
      res,
      502,
      "Sign-in failed",
      "GitHub did not complete the sign-in. Please try again.",
      [clearState(deps.config)],
    );
  }
}

/** `POST /console/logout`; SameSite=Lax keeps other sites' forms from carrying the cookie here. */
export function logout(
  deps: AuthDeps,
  req: IncomingMessage,
  res: ServerResponse,
  now: number,
): void {
  const session = readSession(deps.config, req, now);
  if (session) deps.cache.delete(session.id);
  const cleared = clearCookie(SESSION_COOKIE, {
    secure: deps.config.secureCookies,
    path: cookiePath(deps.config),
  });
  message(
    deps,
    res,
    200,
    "Signed out",
    "You have signed out of the Guardrail console.",
    [cleared],
    "Sign in again",
  );
}

export function message(
  deps: Pick<AuthDeps, "render" | "root">,
  res: ServerResponse,
  status: number,
  title: string,
  text: string,
  cookies: string[] = [],
  linkText = "Back to the console",
) {
  const body = deps.render("message", { title, text, root: deps.root, linkText });
  send(res, status, HTML, body, cookies.length > 0 ? { "set-cookie": cookies } : {});
}

/** Only a path inside the console: never another origin (no open redirect). */
function safeNext(root: string, next: string | null): string {
  if (
    next === null ||
    !next.startsWith(`${root}`) ||
    next.startsWith("//") ||
    /[\\\r\n]/.test(next)
  )
    return root;
  return next;
}
