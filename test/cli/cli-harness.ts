/**
 * Runs the built `guardrail` bin as a process on a throwaway git repository, with SARIF shaped
 * like Semgrep's (test/fixtures/sarif/semgrep/semgrep-snapshot-nosemgrep-suppressions.sarif).
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = join(ROOT, "dist/cli/main.js");
const SRC_CLI = join(ROOT, "src/cli");
const BUILD_LOCK = join(ROOT, "dist/.cli-test-build.lock");
const LOCK_POLL_MS = 200;

/** No user or system git config (diff.noprefix, hooks…) may change what the tests see. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: "Test Author",
  GIT_AUTHOR_EMAIL: "author@example.com",
  GIT_COMMITTER_NAME: "Test Committer",
  GIT_COMMITTER_EMAIL: "committer@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

/**
 * `npm run build` before jest is the normal path; this rebuilds only when dist/cli is missing or
 * older than src/cli (one build across parallel test files, behind a lock directory).
 */
export function ensureBuilt(): void {
  if (isFresh()) return;
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  try {
    mkdirSync(BUILD_LOCK);
  } catch {
    while (existsSync(BUILD_LOCK))
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LOCK_POLL_MS);
    return;
  }
  try {
    // Type errors elsewhere in the tree do not stop tsc from emitting.
    spawnSync(
      process.execPath,
      [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      { cwd: ROOT },
    );
    spawnSync(process.execPath, ["scripts/copy-assets.js"], { cwd: ROOT });
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
  if (!existsSync(BIN))
    throw new Error("the build did not produce dist/cli/main.js: run npm run build");
}

function isFresh(): boolean {
  if (!existsSync(BIN)) return false;
  const built = statSync(BIN).mtimeMs;
  return readdirSync(SRC_CLI).every((name) => statSync(join(SRC_CLI, name)).mtimeMs <= built);
}

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBin(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): BinResult {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...GIT_ENV, ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function git(cwd: string, args: readonly string[]): string {
  const run = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...GIT_ENV },
  });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

const created: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "guardrail-cli-"));
  created.push(dir);
  return dir;
}

/** For afterAll: every directory tempDir and makeRepo made in this test file. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function writeFile(dir: string, path: string, content: string): string {
  const full = join(dir, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

/** Line 2 has an `eval` on main already; the feature branch adds one on line 4. */
export const BASE_APP = "const a = 1;\neval(config);\nconst b = 2;\n";
export const FEATURE_APP = "const a = 1;\neval(config);\nconst b = 2;\neval(userInput);\n";
export const OLD_LINE = 2;
export const NEW_LINE = 4;

/** main with src/app.js; branch `feature` checked out with one commit adding line 4. */
export function makeRepo(): string {
  const dir = tempDir();
  git(dir, ["init", "-q", "-b", "main"]);
  writeFile(dir, "src/app.js", BASE_APP);
  git(dir, ["add", "."]);
  git(dir, ["commit", "-q", "-m", "base"]);
  git(dir, ["checkout", "-q", "-b", "feature"]);
  writeFile(dir, "src/app.js", FEATURE_APP);
  git(dir, ["commit", "-q", "-am", "add a call"]);
  return dir;
}

export interface ResultSpec {
  line: number;
  uri?: string;
  level?: "error" | "warning" | "note";
  suppressions?: unknown[];
}

export const RULE_ID = "javascript.browser.security.eval-detected.eval-detected";
export const TOOL = "Semgrep OSS";

/** A Semgrep-shaped SARIF log with one result per spec (rule level `error` → severity high). */
export function semgrepSarif(results: readonly ResultSpec[]): string {
  return JSON.stringify({
    $schema: "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: [] }],
        results: results.map((spec) => ({
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: spec.uri ?? "src/app.js", uriBaseId: "%SRCROOT%" },
                region: { startLine: spec.line, endLine: spec.line, startColumn: 1, endColumn: 10 },
              },
            },
          ],
          message: {
            text: "Detected the use of eval(). eval() can be dangerous if used to evaluate dynamic content.",
          },
          properties: {},
          ruleId: RULE_ID,
          ...(spec.level === undefined ? {} : { level: spec.level }),
          ...(spec.suppressions === undefined ? {} : { suppressions: spec.suppressions }),
        })),
        tool: {
          driver: {
            name: TOOL,
            rules: [
              {
                defaultConfiguration: { level: "error" },
                fullDescription: { text: "Detected the use of eval()." },
                help: { markdown: "Avoid eval.", text: "Avoid eval." },
                id: RULE_ID,
                name: RULE_ID,
                properties: { precision: "very-high", tags: ["CWE-95"] },
                shortDescription: { text: `Semgrep Finding: ${RULE_ID}` },
              },
            ],
            semanticVersion: "1.50.0",
          },
        },
      },
    ],
  });
}
