import { githubBaseUrl, type Env } from "../env.js";

/** How long a console sign-in lasts before GitHub is asked again. */
const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export interface ConsoleConfig {
  clientId: string;
  clientSecret: string;
  sessionSecret: string;
  /** The app's public origin (and path prefix, if any), without a trailing slash. */
  publicUrl: string;
  /** GitHub's REST base URL; undefined means api.github.com. */
  apiBaseUrl: string | undefined;
  /** Cookies carry `Secure` except on loopback, where browsers serve plain http. */
  secureCookies: boolean;
  sessionTtlMs: number;
}

/** The console's settings, or undefined when it is off (no session secret). */
export function consoleConfig(env: Env): ConsoleConfig | undefined {
  const { GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET, GUARDRAIL_SESSION_SECRET } = env;
  const { GUARDRAIL_PUBLIC_URL } = env;
  if (!GITHUB_CLIENT_ID || !GITHUB_CLIENT_SECRET || !GUARDRAIL_SESSION_SECRET) return undefined;
  if (!GUARDRAIL_PUBLIC_URL) return undefined;
  const publicUrl = GUARDRAIL_PUBLIC_URL.replace(/\/+$/, "");
  return {
    clientId: GITHUB_CLIENT_ID,
    clientSecret: GITHUB_CLIENT_SECRET,
    sessionSecret: GUARDRAIL_SESSION_SECRET,
    publicUrl,
    apiBaseUrl: githubBaseUrl(env),
    secureCookies: !isLoopback(new URL(publicUrl).hostname),
    sessionTtlMs: SESSION_TTL_MS,
  };
}

export function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname === "[::1]" ||
    hostname === "::1" ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  );
}
