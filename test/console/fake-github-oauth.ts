import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const CLIENT_ID = "Iv1.console-test";
export const CLIENT_SECRET = "console-test-client-secret";

/** A user and, per installation id, the repositories GitHub says they can reach through it. */
export interface FakeUser {
  login: string;
  installations: Record<number, string[]>;
}

export interface FakeGitHubOAuth {
  /** `GHE_HOST` value (with GHE_PROTOCOL=http). */
  host: string;
  origin: string;
  /** The user the next authorize request signs in as (GitHub's "Authorize" click). */
  signInAs(login: string): void;
  /** `METHOD path` of every request, in order. */
  requests: string[];
  /** Redirect URIs the authorize and token requests carried. */
  redirectUris: string[];
  revoke(login: string): void;
  /** While set, every API request answers 502 (an outage). */
  failing: boolean;
  close(): Promise<void>;
}

/**
 * GitHub's web flow and the three user endpoints on loopback, checking what GitHub checks:
 * client id and secret, the code's single use, redirect_uri equal at both steps, and the token.
 */
export async function startFakeGitHubOAuth(users: FakeUser[]): Promise<FakeGitHubOAuth> {
  const byLogin = new Map(users.map((u) => [u.login, u]));
  const codes = new Map<string, { login: string; redirectUri: string }>();
  const tokens = new Map<string, string>();
  let current = users[0]?.login ?? "";
  const requests: string[] = [];
  const redirectUris: string[] = [];

  const fake = { failing: false } as FakeGitHubOAuth;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://fake");
      requests.push(`${req.method} ${url.pathname}`);
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method === "GET" && url.pathname === "/login/oauth/authorize") {
        const redirectUri = url.searchParams.get("redirect_uri") ?? "";
        redirectUris.push(redirectUri);
        if (url.searchParams.get("client_id") !== CLIENT_ID)
          return json(404, { message: "unknown client" });
        const code = randomBytes(8).toString("hex");
        codes.set(code, { login: current, redirectUri });
        const back = new URL(redirectUri);
        back.searchParams.set("code", code);
        back.searchParams.set("state", url.searchParams.get("state") ?? "");
        res.writeHead(302, { location: back.toString() });
        return res.end();
      }
      if (req.method === "POST" && url.pathname === "/login/oauth/access_token") {
        const body = await readBody(req);
        redirectUris.push(String(body.redirect_uri));
        const grant = codes.get(String(body.code));
        codes.delete(String(body.code));
        if (
          body.client_id !== CLIENT_ID ||
          body.client_secret !== CLIENT_SECRET ||
          !grant ||
          grant.redirectUri !== body.redirect_uri
        ) {
          return json(200, {
            error: "bad_verification_code",
            error_description: "The code passed is incorrect or expired.",
            error_uri: "https://docs.github.com",
          });
        }
        const token = `ghu_${randomBytes(12).toString("hex")}`;
        tokens.set(token, grant.login);
        return json(200, { access_token: token, token_type: "bearer", scope: "" });
      }
      if (fake.failing && url.pathname.startsWith("/api/v3/"))
        return json(502, { message: "Bad gateway" });
      const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
      const user = byLogin.get(tokens.get(auth ?? "") ?? "");
      if (user === undefined) return json(401, { message: "Bad credentials" });
      if (url.pathname === "/api/v3/user") return json(200, { login: user.login, id: 1 });
      if (url.pathname === "/api/v3/user/installations") {
        const installations = Object.keys(user.installations).map((id) => ({ id: Number(id) }));
        return json(200, { total_count: installations.length, installations });
      }
      const m = /^\/api\/v3\/user\/installations\/(\d+)\/repositories$/.exec(url.pathname);
      const repos = m ? user.installations[Number(m[1])] : undefined;
      if (repos === undefined) return json(404, { message: "Not Found" });
      return json(200, {
        total_count: repos.length,
        repositories: repos.map((full_name) => ({
          full_name,
          html_url: `https://github.com/${full_name}`,
        })),
      });
    })();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  Object.assign(fake, {
    host: `127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    signInAs: (login: string) => {
      current = login;
    },
    requests,
    redirectUris,
    revoke: (login: string) => {
      for (const [token, owner] of tokens) if (owner === login) tokens.delete(token);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return fake;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  if ((req.headers["content-type"] ?? "").includes("json"))
    return JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(text));
}
