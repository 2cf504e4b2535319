import type { IncomingMessage } from "node:http";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { ConsoleConfig } from "./console-config.js";
import { clearCookie, readCookie, setCookie } from "./cookies.js";
import { cookiePath } from "./session.js";
import { sign, verify } from "./signed-value.js";

export const STATE_COOKIE = "guardrail_oauth_state";
/** Long enough to type a password and a 2FA code on GitHub, short enough to be useless later. */
const STATE_TTL_MS = 10 * 60 * 1000;

/**
 * The web flow's `state`: random, bound to this browser by a signed short-lived cookie, so a
 * callback that did not start here (login CSRF) or was replayed is refused.
 */
export function newState(config: ConsoleConfig, next: string, now: number) {
  const state = randomBytes(24).toString("base64url");
  const payload = `${state}.${now + STATE_TTL_MS}.${Buffer.from(next).toString("base64url")}`;
  const cookie = setCookie(STATE_COOKIE, sign(config.sessionSecret, "oauth-state", payload), {
    maxAgeSeconds: STATE_TTL_MS / 1000,
    secure: config.secureCookies,
    path: cookiePath(config),
  });
  return { state, cookie };
}

/** Where to go after sign-in when `given` matches this browser's unexpired state; else undefined. */
export function checkState(
  config: ConsoleConfig,
  req: IncomingMessage,
  given: string | null,
  now: number,
): string | undefined {
  const raw = readCookie(req, STATE_COOKIE);
  const payload = raw === undefined ? undefined : verify(config.sessionSecret, "oauth-state", raw);
  if (payload === undefined || given === null) return undefined;
  const [state = "", expires = "0", next = ""] = payload.split(".");
  if (Number(expires) <= now) return undefined;
  const a = Buffer.from(state);
  const b = Buffer.from(given);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
  return Buffer.from(next, "base64url").toString();
}

export function clearState(config: ConsoleConfig): string {
  return clearCookie(STATE_COOKIE, { secure: config.secureCookies, path: cookiePath(config) });
}
