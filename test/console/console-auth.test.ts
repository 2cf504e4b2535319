import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { CLIENT_ID } from "./fake-github-oauth.js";
import { CookieClient, startConsole, type ConsoleHarness } from "./console-harness.js";

let h: ConsoleHarness;
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  h = await startConsole();
});
afterAll(async () => {
  await h.stop();
  nock.enableNetConnect();
});

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

describe("console sign-in (GitHub web flow)", () => {
  it.each([
    "/console",
    "/console/suppressions",
    "/console/suppressions.csv",
    "/console/repos/acme/shop",
  ])("sends %s to sign-in without a session", async (path) => {
    const res = await new CookieClient().get(`${h.base}${path}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/console/login?next=${encodeURIComponent(path)}`);
    expect(res.headers.get("content-security-policy")).toBe(CSP);
  });

  it("authorizes on the configured host with a state and the callback URL, then signs in", async () => {
    const client = new CookieClient();
    const start = await client.get(`${h.base}/console/login?next=%2Fconsole%2Fsuppressions`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get("location") ?? "");
    expect(`${authorize.origin}${authorize.pathname}`).toBe(
      `${h.github.origin}/login/oauth/authorize`,
    );
    expect(authorize.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${h.base}/console/auth/callback`);
    expect(authorize.searchParams.get("state")).toMatch(/^[\w-]{32}$/);
    expect(client.setCookieHeaders[0]).toMatch(
      /^guardrail_oauth_state=.+; Path=\/console; Max-Age=600; HttpOnly; SameSite=Lax$/,
    );

    h.github.signInAs("alice");
    const { res, hops } = await client.follow(authorize.toString());
    expect(res.status).toBe(200);
    expect(hops.at(-1)).toBe(`${h.base}/console/suppressions`);
    const session = client.setCookieHeaders.find((c) => c.startsWith("guardrail_session="));
    // loopback public URL: no Secure (browsers would drop it over http); HttpOnly and Lax always
    expect(session).toMatch(
      /^guardrail_session=[\w-]+\.[\w-]+; Path=\/console; Max-Age=28800; HttpOnly; SameSite=Lax$/,
    );
    expect(session).not.toContain("ghu_");
    expect(client.cookies.has("guardrail_oauth_state")).toBe(false);
    expect(h.github.requests).toEqual(
      expect.arrayContaining([
        "POST /login/oauth/access_token",
        "GET /api/v3/user",
        "GET /api/v3/user/installations",
        "GET /api/v3/user/installations/11/repositories",
        "GET /api/v3/user/installations/12/repositories",
      ]),
    );
    expect(new Set(h.github.redirectUris)).toEqual(new Set([`${h.base}/console/auth/callback`]));
  });

  it("refuses a callback whose state this browser did not start, and creates no session", async () => {
    const victim = new CookieClient();
    const start = await victim.get(`${h.base}/console/login`);
    const authorize = new URL(start.headers.get("location") ?? "");
    authorize.searchParams.set("state", "forged-state-forged-state-forged1");
    const { res } = await victim.follow(authorize.toString());
    expect(res.status).toBe(400);
    expect(victim.cookies.has("guardrail_session")).toBe(false);

    // an attacker's own valid callback, replayed into a browser that has no state cookie
    const attacker = new CookieClient();
    const own = new URL(
      (await attacker.get(`${h.base}/console/login`)).headers.get("location") ?? "",
    );
    const callback = (await fetch(own, { redirect: "manual" })).headers.get("location") ?? "";
    const fresh = new CookieClient();
    const replay = await fresh.get(callback);
    expect(replay.status).toBe(400);
    expect(fresh.cookies.has("guardrail_session")).toBe(false);
    expect(replay.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("never redirects off the console after sign-in", async () => {
    const client = new CookieClient();
    const start = await client.get(
      `${h.base}/console/login?next=${encodeURIComponent("//evil.example/x")}`,
    );
    const { hops } = await client.follow(start.headers.get("location") ?? "");
    expect(hops.at(-1)).toBe(`${h.base}/console`);
  });

  it("treats a tampered session cookie as none, and signs out with POST", async () => {
    const client = new CookieClient();
    await client.follow(`${h.base}/console/login`);
    const value = client.cookies.get("guardrail_session") ?? "";
    expect((await client.get(`${h.base}/console`)).status).toBe(200);
    client.cookies.set(
      "guardrail_session",
      value.replace(/^./, (c) => (c === "a" ? "b" : "a")),
    );
    expect((await client.get(`${h.base}/console`)).status).toBe(302);
    client.cookies.set("guardrail_session", value);
    const out = await client.get(`${h.base}/console/logout`, { method: "POST" });
    expect(out.status).toBe(200);
    expect(client.cookies.has("guardrail_session")).toBe(false);
    expect((await client.get(`${h.base}/console`)).status).toBe(302);
  });

  it("ends the session when GitHub no longer accepts its token (read again after a restart)", async () => {
    const client = new CookieClient();
    h.github.signInAs("mallory");
    await client.follow(`${h.base}/console/login`);
    h.github.signInAs("alice");
    const session = client.cookies.get("guardrail_session") ?? "";
    const visit = (base: string) =>
      fetch(`${base}/console`, {
        redirect: "manual",
        headers: { cookie: `guardrail_session=${session}` },
      });
    // another instance (an empty access cache) reads the session's access from GitHub
    const other = await startConsole({ github: h.github });
    try {
      expect((await visit(other.base)).status).toBe(200);
    } finally {
      await other.stop();
    }
    h.github.revoke("mallory");
    const third = await startConsole({ github: h.github });
    try {
      expect((await visit(third.base)).status).toBe(302);
    } finally {
      await third.stop();
    }
  });

  it("shows an error page (502), not a crash, when GitHub is down and access must be re-read", async () => {
    const client = new CookieClient();
    await client.follow(`${h.base}/console/login`);
    const session = client.cookies.get("guardrail_session") ?? "";
    const other = await startConsole({ github: h.github });
    h.github.failing = true;
    try {
      const res = await fetch(`${other.base}/console`, {
        redirect: "manual",
        headers: { cookie: `guardrail_session=${session}` },
      });
      expect(res.status).toBe(502);
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(await res.text()).toContain("GitHub did not answer");
    } finally {
      h.github.failing = false;
      await other.stop();
    }
  });
});
