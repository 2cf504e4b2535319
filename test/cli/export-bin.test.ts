import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Log } from "sarif";
import { parse } from "yaml";
import { readSarif } from "../../src/sarif/read-sarif.js";
import {
  ensureBuilt,
  removeTempDirs,
  git,
  makeRepo,
  NEW_LINE,
  OLD_LINE,
  runBin,
  semgrepSarif,
  tempDir,
  writeFile,
} from "./cli-harness.js";

const OPEN_STORE = new URL("../../dist/store/open-store.js", import.meta.url).href;

beforeAll(ensureBuilt, 180_000);
afterAll(removeTempDirs);

interface Seed {
  repo: string;
  fingerprint: string;
  lift?: boolean;
  expiresAt?: string;
}

/** Writes suppressions through the built store, in its own process, as the app would. */
function seedStore(databaseUrl: string, seeds: Seed[]): void {
  const script = `
    const { openStore } = await import(${JSON.stringify(OPEN_STORE)});
    const store = await openStore(process.env.DATABASE_URL);
    for (const [i, seed] of JSON.parse(process.env.SEEDS).entries()) {
      const created = await store.suppressions.create({
        repo: seed.repo, scope: { kind: "finding", fingerprint: seed.fingerprint },
        reason: "false-positive", justification: "input is a constant " + i, author: "alice",
        createdAt: new Date("2024-05-01T00:00:00Z"), expiresAt: seed.expiresAt ? new Date(seed.expiresAt) : null,
        source: "https://github.com/octo/app/pull/1#discussion_r" + i, findingId: "GR-0000000" + i,
        actor: "alice", commentUrl: null,
      });
      if (seed.lift) await store.suppressions.lift(created.id, "bob", null);
    }
    await store.close();`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, SEEDS: JSON.stringify(seeds) },
  });
  if (run.status !== 0) throw new Error(run.stderr);
}

/** A scanned repository and a store holding a suppression of its new finding. */
function setup(): { repo: string; env: Record<string, string>; fingerprint: string } {
  const repo = makeRepo();
  writeFile(repo, "scan.sarif", semgrepSarif([{ line: OLD_LINE }, { line: NEW_LINE }]));
  const json = runBin(repo, ["check", "--sarif", "scan.sarif", "--format", "json"]);
  const report = JSON.parse(json.stdout) as { findings: { fingerprint: string }[] };
  const fingerprint = report.findings[1]!.fingerprint;
  const databaseUrl = `sqlite:${join(tempDir(), "g.db")}`;
  seedStore(databaseUrl, [
    { repo: "octo/app", fingerprint },
    { repo: "octo/app", fingerprint: "v1:lifted", lift: true },
    { repo: "octo/app", fingerprint: "v1:expired", expiresAt: "2001-01-01T00:00:00Z" },
    { repo: "octo/other", fingerprint: "v1:other-repo" },
  ]);
  return { repo, env: { DATABASE_URL: databaseUrl }, fingerprint };
}

describe("guardrail suppressions export", () => {
  it("prints the repository's active suppressions as YAML that check applies offline", () => {
    const { repo, env, fingerprint } = setup();
    const run = runBin(repo, ["suppressions", "export", "--repo", "Octo/App"], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const document = parse(run.stdout) as { repo: string; suppressions: Record<string, unknown>[] };
    expect(document.repo).toBe("octo/app");
    expect(document.suppressions).toEqual([
      expect.objectContaining({
        scope: "finding",
        fingerprint,
        finding_id: "GR-00000000",
        reason: "false-positive",
        justification: "input is a constant 0",
        author: "alice",
        created: "2024-05-01T00:00:00.000Z",
        expires: null,
      }),
    ]);
    writeFile(repo, "suppressions.yml", run.stdout);
    expect(runBin(repo, ["check", "--sarif", "scan.sarif"]).code).toBe(1);
    const applied = runBin(repo, [
      "check",
      "--sarif",
      "scan.sarif",
      "--suppressions",
      "suppressions.yml",
    ]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain("suppressed: false-positive by alice: input is a constant 0");
  });

  it("prints them as valid SARIF with external suppressions keyed by fingerprint", () => {
    const { repo, env, fingerprint } = setup();
    const run = runBin(
      repo,
      ["suppressions", "export", "--repo", "octo/app", "--format", "sarif"],
      env,
    );
    expect(run.code).toBe(0);
    const read = readSarif(run.stdout, "suppressions.sarif");
    expect(read.ok && read.warnings).toEqual([]);
    const results = (JSON.parse(run.stdout) as Log).runs[0]?.results ?? [];
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      kind: "informational",
      partialFingerprints: { "guardrail/v1": fingerprint },
      suppressions: [
        { kind: "external", status: "accepted", justification: "input is a constant 0" },
      ],
    });
    writeFile(repo, "suppressions.sarif", run.stdout);
    expect(
      runBin(repo, ["check", "--sarif", "scan.sarif", "--suppressions", "suppressions.sarif"]).code,
    ).toBe(0);
  });

  it("takes the repository from a GitHub origin remote", () => {
    const { repo, env } = setup();
    git(repo, ["remote", "add", "origin", "git@github.com:Octo/app.git"]);
    const run = runBin(repo, ["suppressions", "export"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("repo: octo/app");
  });

  it.each([
    ["no repository to name", [], /^guardrail: no --repo owner\/name given/],
    ["a malformed --repo", ["--repo", "not a repo"], /^guardrail: --repo must be owner\/name/],
    ["a bad --format", ["--format", "json"], /^guardrail: --format must be one of yaml, sarif/],
  ])("exits 2 on %s", (_name, args, message) => {
    const run = runBin(tempDir(), ["suppressions", "export", ...args], {
      DATABASE_URL: "sqlite::memory:",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("exits 2 naming only the scheme of an unusable DATABASE_URL", () => {
    const run = runBin(tempDir(), ["suppressions", "export", "--repo", "o/r"], {
      DATABASE_URL: "mysql://u:secret@h/db",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^guardrail: cannot open the store \(DATABASE_URL\): .*mysql:/);
    expect(run.stderr).not.toContain("secret");
  });
});
