import { getPrivateKey } from "@probot/get-private-key";
import { z } from "zod";
import { artifactLimitsFromEnv, type ArtifactLimits } from "./artifacts/limits.js";

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;

const databaseUrl = z
  .string()
  .refine(
    (url) => /^(sqlite:|file:|postgres:\/\/|postgresql:\/\/)/.test(url),
    "must start with sqlite:, file:, postgres:// or postgresql://",
  );

const positiveInt = z.coerce.number().int().positive();

/** Any http(s) URL: the real service, a proxy or a local relay. */
function webhookUrl(what: string) {
  return z.url({ protocol: /^https?$/, error: `must be an http(s) URL (${what})` });
}

const envSchema = z.object({
  APP_ID: z
    .string({ error: "is required (the GitHub App's numeric ID)" })
    .regex(/^\d+$/, "must be the numeric App ID"),
  WEBHOOK_SECRET: z
    .string({ error: "is required (the App's webhook secret)" })
    .min(1, "must not be empty"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  GHE_HOST: z.string().optional(),
  // Local development: a smee.io channel that forwards GitHub's webhooks to this server.
  WEBHOOK_PROXY_URL: z.url({ error: "must be a URL (a smee.io channel)" }).optional(),
  GHE_PROTOCOL: z.enum(["http", "https"]).default("https"),
  DATABASE_URL: databaseUrl.optional(),
  GUARDRAIL_WORKERS: positiveInt.max(64).default(2),
  GUARDRAIL_JOB_ATTEMPTS: positiveInt.max(20).default(5),
  GUARDRAIL_JOB_LEASE_SECONDS: positiveInt.max(3600).default(60),
  // KEV / EPSS enrichment (src/enrichment/): local copies, else fetched and kept this long.
  GUARDRAIL_KEV_FILE: z.string().optional(),
  GUARDRAIL_EPSS_FILE: z.string().optional(),
  GUARDRAIL_ENRICHMENT_REFRESH: z
    .string()
    .regex(/^[1-9]\d*(?:s|m|h|d)$/, 'must be a duration like "24h", "90m" or "7d"')
    .default("24h"),
  // Security console: on when GUARDRAIL_SESSION_SECRET is set (src/console/console-config.ts)
  GITHUB_CLIENT_ID: z.string().optional(),
  GITHUB_CLIENT_SECRET: z.string().optional(),
  GUARDRAIL_SESSION_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (e.g. openssl rand -hex 32)")
    .optional(),
  // Chat notifications (src/notify/): secrets of the deployment, never of repository config.
  GUARDRAIL_SLACK_WEBHOOK_URL: webhookUrl("a Slack incoming webhook").optional(),
  GUARDRAIL_TEAMS_WEBHOOK_URL: webhookUrl("a Teams Workflows webhook").optional(),
  GUARDRAIL_PUBLIC_URL: z
    .url({ error: "must be the app's public URL, e.g. https://guardrail.example.com" })
    .optional(),
  // false drops the repo label from every metric (very large organisations).
  GUARDRAIL_METRICS_REPO_LABEL: z.stringbool({ error: "must be true or false" }).default(true),
});

export type Env = z.infer<typeof envSchema> & {
  PRIVATE_KEY: string;
  artifactLimits: ArtifactLimits;
};

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates the process environment; the error message is one line naming the variable. */
export function readEnv(env: NodeJS.ProcessEnv, cwd = process.cwd()): Env {
  const parsed = envSchema.safeParse(emptyAsUnset(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new EnvError(`${name} ${issue?.message ?? "is invalid"}`);
  }
  const consoleMissing = missingConsoleSetting(parsed.data);
  if (consoleMissing)
    throw new EnvError(
      `${consoleMissing} is required when GUARDRAIL_SESSION_SECRET is set (the security console)`,
    );
  let artifactLimits: ArtifactLimits;
  try {
    artifactLimits = artifactLimitsFromEnv(env);
  } catch (error) {
    throw new EnvError((error as Error).message);
  }
  return { ...parsed.data, PRIVATE_KEY: readPrivateKey(env, cwd), artifactLimits };
}

function readPrivateKey(env: NodeJS.ProcessEnv, cwd: string): string {
  const missing = "PRIVATE_KEY or PRIVATE_KEY_PATH is required (the App's private key)";
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) {
    // Like Probot, a single .pem file in the working directory will do.
    try {
      const found = getPrivateKey({ env, cwd });
      if (found) return found;
    } catch {
      // several .pem files, or an unreadable directory: fall through to the clear message
    }
    throw new EnvError(missing);
  }
  try {
    const key = getPrivateKey({ env, cwd });
    if (key) return key;
  } catch {
    // getPrivateKey's own messages are long; ours name the variable and the fix in one line
  }
  throw new EnvError(
    env.PRIVATE_KEY
      ? "PRIVATE_KEY is not a PEM private key (paste the .pem contents, optionally base64-encoded)"
      : "PRIVATE_KEY_PATH does not point to a readable .pem file",
  );
}

/** The console needs all of its settings once its session secret says it is wanted. */
function missingConsoleSetting(env: z.infer<typeof envSchema>): string | undefined {
  if (env.GUARDRAIL_SESSION_SECRET === undefined) return undefined;
  const required = ["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET", "GUARDRAIL_PUBLIC_URL"] as const;
  return required.find((name) => env[name] === undefined);
}

/** `FOO=` in a .env file means "not set", as it does for Probot. */
function emptyAsUnset(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "",
    ),
  );
}

/** GitHub's REST base URL: github.com, or GitHub Enterprise Server (also how tests point at a fake). */
export function githubBaseUrl(env: Pick<Env, "GHE_HOST" | "GHE_PROTOCOL">): string | undefined {
  if (!env.GHE_HOST) return undefined;
  const host = env.GHE_HOST.replace(/\/+$/, "");
  return host.includes("/")
    ? `${env.GHE_PROTOCOL}://${host}`
    : `${env.GHE_PROTOCOL}://${host}/api/v3`;
}
