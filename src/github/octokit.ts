import type { Octokit } from "@octokit/core";
import { ProbotOctokit } from "probot";
import type { Metrics } from "../metrics/metrics.js";

export type GitHub = InstanceType<typeof ProbotOctokit>;

/** How many times a rate-limited request is retried before the job gives up (and is retried later). */
const MAX_RATE_LIMIT_RETRIES = 3;

interface ThrottledRequest {
  method: string;
  url: string;
  request: { retryCount: number };
}

/**
 * Guardrail's Octokit: Probot's, plus request metrics, and secondary rate limits honoured with
 * their retry-after (Probot's default only logs them and gives up).
 */
export function createOctokitClass(options: {
  metrics: Metrics;
  retry?: boolean;
  throttle?: boolean;
}) {
  const { metrics } = options;
  const throttle = options.throttle ?? true;
  const withMetrics = ProbotOctokit.plugin((octokit: Octokit) => {
    octokit.hook.after("request", (response, request) => {
      metrics.githubRequests.inc({
        route_class: routeClass(request.method, request.url),
        status: String(response.status),
      });
      const remaining = response.headers["x-ratelimit-remaining"];
      if (remaining !== undefined)
        metrics.rateLimitRemaining.set({ installation: "any" }, Number(remaining));
    });
    octokit.hook.error("request", (error, request) => {
      const status = (error as { status?: number }).status ?? 0;
      metrics.githubRequests.inc({
        route_class: routeClass(request.method, request.url),
        status: String(status),
      });
      throw error;
    });
  });
  return withMetrics.defaults((instance: Record<string, unknown>) => {
    const inherited = (instance.throttle ?? {}) as Record<string, unknown>;
    const log = instance.log as { warn: (msg: string) => void } | undefined;
    const onLimit = (kind: string) => (retryAfter: number, req: ThrottledRequest) => {
      log?.warn(
        `${kind} rate limit on ${req.method} ${req.url}: retry ${req.request.retryCount + 1} in ${retryAfter}s`,
      );
      return req.request.retryCount < MAX_RATE_LIMIT_RETRIES;
    };
    return {
      ...instance,
      throttle: {
        ...inherited,
        enabled: throttle,
        onRateLimit: onLimit("primary"),
        onSecondaryRateLimit: onLimit("secondary"),
      },
      retry: { ...(instance.retry as object | undefined), enabled: options.retry ?? true },
    };
  });
}

function routeClass(method: string, url: string): string {
  if (url.endsWith("/graphql")) return "graphql";
  if (url.endsWith("/access_tokens")) return "auth";
  if (/\/artifacts\/\d+\/zip$/.test(url)) return "download";
  return method === "GET" || method === "HEAD" ? "read" : "write";
}
