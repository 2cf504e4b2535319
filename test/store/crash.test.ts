import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { sql } from "kysely";
import { openStore } from "../../src/store/open-store.js";

const ROOT = resolve(import.meta.dirname, "../..");
/** Enough commits that the kill lands in the middle of a steady stream of writes. */
const COMMITS_BEFORE_KILL = 300;

const dir = mkdtempSync(join(tmpdir(), "guardrail-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child until it has printed `commits` ids, SIGKILLs it, returns every id it printed. */
function runAndKill(dbPath: string, commits: number): Promise<number[]> {
  const buildDir = join(dir, "build");
  // The transpiled store resolves kysely and better-sqlite3 from here.
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const child = spawn(
    process.execPath,
    [join(ROOT, "test/store/crash-child.mjs"), join(ROOT, "src"), buildDir, dbPath],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((done, fail) => {
    let output = "";
    let errors = "";
    child.stderr.on("data", (data: Buffer) => (errors += data.toString()));
    child.stdout.on("data", (data: Buffer) => {
      output += data.toString();
      if (output.split("\n").length > commits + 1) child.kill("SIGKILL");
    });
    child.on("error", fail);
    child.on("exit", (code, signal) => {
      if (signal !== "SIGKILL") return fail(new Error(`child exited ${code}: ${errors}`));
      // Only whole lines: a partial last line was not fully reported as committed.
      const lines = output.split("\n").slice(0, -1);
      done(lines.filter((line) => line !== "ready").map(Number));
    });
  });
}

describe("crash safety (SQLite)", () => {
  it("keeps every committed suppression and an intact database after SIGKILL mid-write", async () => {
    const dbPath = join(dir, "crash.db");
    const committed = await runAndKill(dbPath, COMMITS_BEFORE_KILL);
    expect(committed.length).toBeGreaterThanOrEqual(COMMITS_BEFORE_KILL);

    const store = await openStore(`sqlite:${dbPath}`);
    try {
      const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
        store.db,
      );
      expect(rows).toEqual([{ integrity_check: "ok" }]);
      const stored = new Set((await store.suppressions.listForRepo("octo/crash")).map((s) => s.id));
      expect(committed.filter((id) => !stored.has(id))).toEqual([]);
      // Each suppression and its audit row were written in one transaction: never one alone.
      const { rows: orphans } = await sql<{ n: number }>`
        select count(*) as n from suppressions s
        where not exists (select 1 from suppression_audit a where a.suppression_id = s.id)
      `.execute(store.db);
      expect(orphans).toEqual([{ n: 0 }]);
      // And the store still takes writes.
      expect(await store.deliveries.recordDelivery("after-crash", "push")).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);
});
