import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";

export interface Probes {
  /** Each dependency the app needs to do work, checked on every `/readyz`. */
  checks: Record<string, () => Promise<boolean>>;
  /** Refreshes gauges computed on demand (queue depth, remediation stats) before a scrape. */
  beforeScrape?: () => Promise<void>;
  registry: Registry;
  /** Set while shutting down: readiness fails so load balancers stop sending work. */
  isStopping: () => boolean;
}

/** A Probot `addHandler` handler for `/healthz`, `/readyz` and `/metrics`. */
export function createRoutes(probes: Probes) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const path = (req.url ?? "/").split("?")[0];
    switch (path) {
      case "/healthz":
        send(res, 200, "application/json", JSON.stringify({ status: "ok" }));
        return true;
      case "/readyz": {
        const results = await checkAll(probes.checks);
        const ready = !probes.isStopping() && Object.values(results).every(Boolean);
        const body = {
          status: ready ? "ready" : "unavailable",
          stopping: probes.isStopping(),
          checks: results,
        };
        send(res, ready ? 200 : 503, "application/json", JSON.stringify(body));
        return true;
      }
      case "/metrics":
        await probes.beforeScrape?.().catch(() => undefined);
        send(res, 200, probes.registry.contentType, await probes.registry.metrics());
        return true;
      default:
        return false;
    }
  };
}

const CHECK_TIMEOUT_MS = 2000;

async function checkAll(checks: Probes["checks"]): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    Object.entries(checks).map(
      async ([name, check]) => [name, await withTimeout(check())] as const,
    ),
  );
  return Object.fromEntries(entries);
}

async function withTimeout(check: Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store" });
  res.end(body);
}
