import { once } from "node:events";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { readEnv } from "../../src/env.js";
import { startGuardrail, type RunningGuardrail } from "../../src/start.js";
import { testPrivateKey } from "../helpers/private-key.js";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  startFakeGitHubOAuth,
  type FakeGitHubOAuth,
  type FakeUser,
} from "./fake-github-oauth.js";
import { VOLUME_REPOS } from "./console-volume.js";

export const SESSION_SECRET = "console-test-session-secret-0123456789abcdef";

export interface ConsoleHarness {
  guardrail: RunningGuardrail;
  github: FakeGitHubOAuth;
  /** The console's public URL (the server's loopback origin). */
  base: string;
  stop(): Promise<void>;
}

export const USERS: FakeUser[] = [
  { login: "alice", installations: { 11: ["acme/shop"], 12: ["Acme/API"] } },
  { login: "mallory", installations: { 13: ["acme/secret"] } },
  {
    login: "sec-lead",
    installations: { 11: ["acme/shop"], 12: ["Acme/API"], 14: VOLUME_REPOS },
  },
];

/** The real server (startGuardrail) with the console on, signing in against a fake GitHub. */
export async function startConsole(
  options: { databaseUrl?: string; github?: FakeGitHubOAuth } = {},
): Promise<ConsoleHarness> {
  const github = options.github ?? (await startFakeGitHubOAuth(USERS));
  const databaseUrl = options.databaseUrl ?? "sqlite::memory:";
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = readEnv({
    APP_ID: "1",
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET: "console-test",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    GHE_HOST: github.host,
    GHE_PROTOCOL: "http",
    GITHUB_CLIENT_ID: CLIENT_ID,
    GITHUB_CLIENT_SECRET: CLIENT_SECRET,
    GUARDRAIL_SESSION_SECRET: SESSION_SECRET,
    GUARDRAIL_PUBLIC_URL: base,
  });
  const guardrail = await startGuardrail(env, pino({ level: "silent" }));
  return {
    guardrail,
    github,
    base,
    async stop() {
      await guardrail.stop();
      if (!options.github) await github.close();
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A browser without a browser: a cookie jar and manual redirects, so each hop can be checked. */
export class CookieClient {
  readonly cookies = new Map<string, string>();
  readonly setCookieHeaders: string[] = [];

  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) },
    });
    for (const header of res.headers.getSetCookie()) {
      this.setCookieHeaders.push(header);
      const [pair = ""] = header.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === "" || /Max-Age=0/.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects (across the console and the fake GitHub) until a non-redirect answer. */
  async follow(url: string): Promise<{ res: Response; hops: string[] }> {
    const hops = [url];
    let res = await this.get(url);
    while (res.status === 302 && hops.length < 10) {
      const next = new URL(res.headers.get("location") ?? "", hops[hops.length - 1]).toString();
      hops.push(next);
      res = await this.get(next);
    }
    return { res, hops };
  }
}
