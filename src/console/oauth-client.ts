import { OAuthApp } from "@octokit/oauth-app";
import type { Logger } from "pino";
import { ProbotOctokit } from "probot";
import type { ConsoleConfig } from "./console-config.js";

export type UserOctokit = InstanceType<typeof ProbotOctokit>;

export interface OAuthClient {
  /** GitHub's `/login/oauth/authorize` URL for this state (on GHE_HOST when set). */
  authorizeUrl(state: string): string;
  /** Exchanges the callback's code at `/login/oauth/access_token` for a user token. */
  exchange(code: string, state: string): Promise<string>;
  /** An Octokit acting as the signed-in user. */
  asUser(token: string): UserOctokit;
}

/** The App's own OAuth credentials (a GitHub App's user-to-server flow), via @octokit/oauth-app. */
export function createOAuthClient(config: ConsoleConfig, log: Logger): OAuthClient {
  // oauth-app derives the web host from the Octokit's baseUrl (dropping /api/v3 on GHES); its own
  // `baseUrl` option is not passed to that Octokit, so the host is set on the class.
  const Octokit = ProbotOctokit.defaults({
    ...(config.apiBaseUrl ? { baseUrl: config.apiBaseUrl } : {}),
    log: log.child({ name: "console-github" }),
    // someone is waiting at a browser: an error page now beats retries and rate-limit sleeps
    retry: { enabled: false },
    throttle: { enabled: false },
  });
  const app = new OAuthApp({
    clientType: "github-app",
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    Octokit,
  });
  const redirectUrl = `${config.publicUrl}/console/auth/callback`;
  return {
    authorizeUrl: (state) =>
      app.getWebFlowAuthorizationUrl({ state, redirectUrl, allowSignup: false }).url,
    async exchange(code, state) {
      const { authentication } = await app.createToken({ code, state, redirectUrl });
      return authentication.token;
    },
    asUser: (token) => new Octokit({ auth: token, authStrategy: undefined }),
  };
}
