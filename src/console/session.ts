import type { IncomingMessage } from "node:http";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { ConsoleConfig } from "./console-config.js";
import { readCookie, setCookie } from "./cookies.js";
import { sign, verify } from "./signed-value.js";
import { openToken, sealToken } from "./token-box.js";

export const SESSION_COOKIE = "guardrail_session";

export interface Session {
  /** Random per sign-in: keys the cached repository list, never the token itself. */
  id: string;
  login: string;
  token: string;
  expiresAt: number;
}

const sessionPayload = z.object({
  sid: z.string().min(16),
  login: z.string().min(1),
  exp: z.number().int(),
  tok: z.string().min(1),
});

export function newSession(config: ConsoleConfig, login: string, token: string, now: number) {
  const session: Session = {
    id: randomBytes(18).toString("base64url"),
    login,
    token,
    expiresAt: now + config.sessionTtlMs,
  };
  const payload = Buffer.from(
    JSON.stringify({
      sid: session.id,
      login,
      exp: session.expiresAt,
      tok: sealToken(config.sessionSecret, token),
    }),
  ).toString("base64url");
  const cookie = setCookie(SESSION_COOKIE, sign(config.sessionSecret, "session", payload), {
    maxAgeSeconds: config.sessionTtlMs / 1000,
    secure: config.secureCookies,
    path: cookiePath(config),
  });
  return { session, cookie };
}

/** The request's session when its cookie is authentic and unexpired; undefined otherwise. */
export function readSession(
  config: ConsoleConfig,
  req: IncomingMessage,
  now: number,
): Session | undefined {
  const raw = readCookie(req, SESSION_COOKIE);
  const payload = raw === undefined ? undefined : verify(config.sessionSecret, "session", raw);
  if (payload === undefined) return undefined;
  let parsed;
  try {
    parsed = sessionPayload.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString()));
  } catch {
    return undefined;
  }
  if (!parsed.success || parsed.data.exp <= now) return undefined;
  const token = openToken(config.sessionSecret, parsed.data.tok);
  if (token === undefined) return undefined;
  return { id: parsed.data.sid, login: parsed.data.login, token, expiresAt: parsed.data.exp };
}

/** Cookies are scoped to the console's own path below the public URL. */
export function cookiePath(config: ConsoleConfig): string {
  return `${new URL(config.publicUrl).pathname.replace(/\/+$/, "")}/console`;
}
