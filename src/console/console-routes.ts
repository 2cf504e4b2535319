import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { Store } from "../store/store.js";
import { createAccessCache } from "./access-cache.js";
import { loadAssets } from "./assets.js";
import { finishLogin, logout, message, startLogin, type AuthDeps } from "./auth-routes.js";
import type { ConsoleConfig } from "./console-config.js";
import { createOAuthClient, type OAuthClient } from "./oauth-client.js";
import type { PageResult } from "./page.js";
import { createFigureSource } from "./org-figures.js";
import { routePage } from "./page-routes.js";
import { consoleDb } from "./queries/console-tables.js";
import { createRenderer } from "./render.js";
import { HTML, redirect, send } from "./respond.js";
import { resolveAccess } from "./resolve-access.js";
import { cookiePath, readSession } from "./session.js";

export interface ConsoleOptions {
  config: ConsoleConfig;
  store: Store;
  log: Logger;
  oauth?: OAuthClient;
  now?: () => number;
}

/** The security console as a Probot `addHandler` handler: everything under `/console`. */
export function createConsoleHandler(options: ConsoleOptions) {
  const { config, log } = options;
  const root = cookiePath(config);
  const auth: AuthDeps = {
    config,
    oauth: options.oauth ?? createOAuthClient(config, log),
    cache: createAccessCache(),
    render: createRenderer(),
    log,
    root,
  };
  const assets = loadAssets();
  const db = consoleDb(options.store.db);
  const now = options.now ?? Date.now;
  const figures = createFigureSource(db, log);

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? "/", "http://console.invalid");
    if (url.pathname !== "/console" && !url.pathname.startsWith("/console/")) return false;
    const rest = url.pathname.slice("/console".length);
    const method = req.method ?? "GET";
    if (rest === "/logout" && method === "POST") return done(logout(auth, req, res, now()));
    if (method !== "GET" && method !== "HEAD") {
      return done(
        send(res, 405, "text/plain; charset=utf-8", "method not allowed", { allow: "GET, HEAD" }),
      );
    }
    if (rest.startsWith("/assets/")) {
      const asset = assets.get(rest.slice("/assets/".length));
      if (asset === undefined)
        return done(send(res, 404, "text/plain; charset=utf-8", "not found"));
      return done(
        send(res, 200, asset.contentType, asset.body, { "cache-control": "public, max-age=3600" }),
      );
    }
    if (rest === "/login") return done(startLogin(auth, res, url, now()));
    if (rest === "/auth/callback") return done(await finishLogin(auth, req, res, url, now()));

    const session = readSession(config, req, now());
    const access =
      session && (await resolveAccess(auth, session, now()).catch(() => "error" as const));
    if (access === "error") {
      return done(
        message(
          auth,
          res,
          502,
          "GitHub did not answer",
          "Your repository access could not be read from GitHub. Please try again shortly.",
        ),
      );
    }
    if (!session || !access) {
      const next = `${root}${rest}${url.search}`;
      return done(redirect(res, `${root}/login?next=${encodeURIComponent(next)}`));
    }
    const ctx = { db, access, root, render: auth.render, now: now(), url, figures };
    const result = await routePage(ctx, rest)?.catch((error: unknown): PageResult | "error" => {
      log.error({ err: error, path: url.pathname }, "console page failed");
      return "error";
    });
    if (result === "error")
      return done(
        message(
          auth,
          res,
          500,
          "Something went wrong",
          "The page could not be built; the error is in the app's log.",
        ),
      );
    return done(answer(auth, res, result));
  };
}

function answer(auth: AuthDeps, res: ServerResponse, result: PageResult | undefined): void {
  if (result === undefined || result.kind === "not-found") {
    message(
      auth,
      res,
      404,
      "Not found",
      "There is no such page, or no repository of that name that you can access.",
    );
  } else if (result.kind === "csv") {
    send(res, 200, "text/csv; charset=utf-8", result.body, {
      "content-disposition": `attachment; filename="${result.filename}"`,
    });
  } else {
    send(res, result.status, HTML, result.body);
  }
}

function done(_: unknown): true {
  return true;
}
