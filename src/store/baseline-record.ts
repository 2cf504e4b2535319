import { sql } from "kysely";
import type { Kysely } from "kysely";
import { inTextList, textTable } from "./bulk-text.js";
import { chunk } from "./chunk.js";
import type { Database, StoreKind } from "./database.js";

export interface BaselineFingerprint {
  tool: string;
  fingerprint: string;
  severity: string;
  /** Where the finding is now, for the tracker; kept up to date while the entry stays open. */
  where?: BaselineLocation;
}

/** See migration 0005; "" and 0 mean unknown. */
export interface BaselineLocation {
  ruleId: string;
  path: string;
  line: number;
  snippetHash: string;
  windowHash: string;
  messageHash: string;
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
      .select(["fingerprint", "fixed_at", ...LOCATION_ROW])
      .where("repo", "=", repo)
      .where("branch", "=", branch)
      .where("tool", "=", tool)
      .execute();
    const open = new Set(
      known.filter((row) => row.fixed_at === null).map((row) => row.fingerprint),
    );
    const opened = [...severities].filter(([fingerprint]) => !open.has(fingerprint));
    const knownRows = new Map(known.map((row) => [row.fingerprint, locationCells(row)]));
    const moved = [...severities].filter(([fingerprint, entry]) => {
      const before = knownRows.get(fingerprint);
      return (
        open.has(fingerprint) &&
        before !== undefined &&
        before.join("\0") !== entry.cells.join("\0")
      );
    });
    const gone = [...open].filter((fingerprint) => !severities.has(fingerprint));
    const preExisting = hadBaseline.has(tool) ? 0 : 1;

    for (const rows of chunk(opened)) {
      // Only fixed rows conflict here: a fingerprint that comes back reopens as newly seen.
      await sql`
        insert into baseline_fingerprints (repo, branch, tool, fingerprint, severity,
          first_seen_at, first_seen_sha, fixed_at, fixed_sha, pre_existing,
          rule_id, path, line, snippet_hash, window_hash, message_hash)
        select cast(${repo} as text), cast(${branch} as text), cast(${tool} as text),
          t.fingerprint, t.severity, cast(${at} as bigint), cast(${sha} as text), null, null,
          cast(${preExisting} as integer),
          t.rule_id, t.path, cast(t.line as integer), t.snippet_hash, t.window_hash, t.message_hash
        from (${textTable(kind, ["fingerprint", "severity", ...LOCATION_ROW], rows.map(withCells))}) t
        where true
        on conflict (repo, branch, tool, fingerprint) do update set
          severity = excluded.severity, first_seen_at = excluded.first_seen_at,
          first_seen_sha = excluded.first_seen_sha, fixed_at = null, fixed_sha = null,
          pre_existing = 0, rule_id = excluded.rule_id, path = excluded.path,
          line = excluded.line, snippet_hash = excluded.snippet_hash,
          window_hash = excluded.window_hash, message_hash = excluded.message_hash
      `.execute(trx);
    }
    // A finding that stayed open may have moved: the tracker needs where it is now.
    for (const rows of chunk(moved)) {
      await sql`
        update baseline_fingerprints set rule_id = t.rule_id, path = t.path,
          line = cast(t.line as integer), snippet_hash = t.snippet_hash,
          window_hash = t.window_hash, message_hash = t.message_hash
        from (${textTable(kind, ["fingerprint", "severity", ...LOCATION_ROW], rows.map(withCells))}) t
        where baseline_fingerprints.repo = ${repo} and baseline_fingerprints.branch = ${branch}
          and baseline_fingerprints.tool = ${tool} and baseline_fingerprints.fingerprint = t.fingerprint
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

interface Entry {
  severity: string;
  /** The LOCATION_COLUMNS as text, in order. */
  cells: string[];
}

const LOCATION_ROW = [
  "rule_id",
  "path",
  "line",
  "snippet_hash",
  "window_hash",
  "message_hash",
] as const;

function locationCells(row: Record<(typeof LOCATION_ROW)[number], string | number>): string[] {
  return LOCATION_ROW.map((column) => String(row[column]));
}

function withCells([fingerprint, entry]: [string, Entry]): string[] {
  return [fingerprint, entry.severity, ...entry.cells];
}

/** Every analysed tool, each with its fingerprints (the last duplicate wins). */
function groupByTool(input: BaselineInput): Map<string, Map<string, Entry>> {
  const byTool = new Map<string, Map<string, Entry>>(input.tools.map((tool) => [tool, new Map()]));
  for (const { tool, fingerprint, severity, where } of input.fingerprints) {
    let entries = byTool.get(tool);
    if (entries === undefined) byTool.set(tool, (entries = new Map<string, Entry>()));
    const w = where ?? {
      ruleId: "",
      path: "",
      line: 0,
      snippetHash: "",
      windowHash: "",
      messageHash: "",
    };
    const cells = [w.ruleId, w.path, String(w.line), w.snippetHash, w.windowHash, w.messageHash];
    entries.set(fingerprint, { severity, cells });
  }
  return byTool;
}
