import { sql } from "kysely";
import type { Kysely } from "kysely";
import { inTextList, textTable } from "./bulk-text.js";
import { chunk } from "./chunk.js";
import type { Database, StoreKind } from "./database.js";

export interface BaselineFingerprint {
  tool: string;
  fingerprint: string;
  severity: string;
}

export interface BaselineInput {
  repo: string;
  branch: string;
  sha: string;
  /** Tools analysed in this run: a tool listed with no fingerprints has an empty baseline. */
  tools: string[];
  fingerprints: BaselineFingerprint[];
  at: Date;
}

/**
 * Per tool analysed: fingerprints present are open (first seen now, or kept if already open;
 * reopened if they had been fixed), open ones now absent are fixed at this sha. Each tool's
 * known set is read in one query and compared in memory; writes go in bulk statements.
 * Call inside a write transaction.
 */
export async function recordBaseline(
  trx: Kysely<Database>,
  kind: StoreKind,
  input: BaselineInput,
): Promise<{ added: number; fixed: number }> {
  const repo = input.repo.toLowerCase();
  const { branch, sha } = input;
  const at = input.at.getTime();
  const present = groupByTool(input);
  const recordedTools = await trx
    .selectFrom("baseline_tools")
    .select("tool")
    .where("repo", "=", repo)
    .where("branch", "=", branch)
    .execute();
  const hadBaseline = new Set(recordedTools.map((row) => row.tool));
  let added = 0;
  let fixed = 0;

  for (const [tool, severities] of present) {
    const known = await trx
      .selectFrom("baseline_fingerprints")
      .select(["fingerprint", "fixed_at"])
      .where("repo", "=", repo)
      .where("branch", "=", branch)
      .where("tool", "=", tool)
      .execute();
    const open = new Set(
      known.filter((row) => row.fixed_at === null).map((row) => row.fingerprint),
    );
    const opened = [...severities].filter(([fingerprint]) => !open.has(fingerprint));
    const gone = [...open].filter((fingerprint) => !severities.has(fingerprint));
    const preExisting = hadBaseline.has(tool) ? 0 : 1;

    for (const rows of chunk(opened)) {
      // Only fixed rows conflict here: a fingerprint that comes back reopens as newly seen.
      await sql`
        insert into baseline_fingerprints (repo, branch, tool, fingerprint, severity,
          first_seen_at, first_seen_sha, fixed_at, fixed_sha, pre_existing)
        select cast(${repo} as text), cast(${branch} as text), cast(${tool} as text),
          t.fingerprint, t.severity, cast(${at} as bigint), cast(${sha} as text), null, null,
          cast(${preExisting} as integer)
        from (${textTable(kind, ["fingerprint", "severity"], rows)}) t
        where true
        on conflict (repo, branch, tool, fingerprint) do update set
          severity = excluded.severity, first_seen_at = excluded.first_seen_at,
          first_seen_sha = excluded.first_seen_sha, fixed_at = null, fixed_sha = null,
          pre_existing = 0
      `.execute(trx);
    }
    for (const fingerprints of chunk(gone)) {
      await trx
        .updateTable("baseline_fingerprints")
        .set({ fixed_at: at, fixed_sha: sha })
        .where("repo", "=", repo)
        .where("branch", "=", branch)
        .where("tool", "=", tool)
        .where(inTextList(kind, "fingerprint", fingerprints))
        .execute();
    }
    await trx
      .insertInto("baseline_tools")
      .values({ repo, branch, tool, sha, recorded_at: at })
      .onConflict((oc) =>
        oc.columns(["repo", "branch", "tool"]).doUpdateSet({ sha, recorded_at: at }),
      )
      .execute();
    added += opened.length;
    fixed += gone.length;
  }
  return { added, fixed };
}

/** Every analysed tool, each with its fingerprints (last severity wins for duplicates). */
function groupByTool(input: BaselineInput): Map<string, Map<string, string>> {
  const byTool = new Map<string, Map<string, string>>(input.tools.map((tool) => [tool, new Map()]));
  for (const { tool, fingerprint, severity } of input.fingerprints) {
    let severities = byTool.get(tool);
    if (severities === undefined) byTool.set(tool, (severities = new Map<string, string>()));
    severities.set(fingerprint, severity);
  }
  return byTool;
}
