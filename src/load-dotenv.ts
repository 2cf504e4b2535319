import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Reads ./.env (where `cp .env.example .env` and Probot's setup flow put the settings) into the
 * environment. Variables already set win, so a deployment's real environment overrides the file.
 */
export function loadDotEnv(cwd = process.cwd()): void {
  const path = join(cwd, ".env");
  if (existsSync(path)) process.loadEnvFile(path);
}
