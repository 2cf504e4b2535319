import { toCsv } from "../csv.js";
import type { PageContext, PageResult } from "../page.js";
import { visibleKeys } from "../page.js";
import { suppressionRegister } from "../queries/suppression-register.js";
import { readFilters } from "./register-filters.js";
import { CSV_ROWS, displayStatus } from "./suppressions-page.js";

const HEADER = [
  "repository",
  "finding",
  "scope",
  "rule",
  "message",
  "reason",
  "justification",
  "who",
  "approver",
  "status",
  "created",
  "expires",
] as const;

/** The register as CSV, the same filters as the page; every cell safe to open in a spreadsheet. */
export async function suppressionsCsv(ctx: PageContext): Promise<PageResult> {
  const { query } = readFilters(ctx.url.searchParams);
  const entries = await suppressionRegister(ctx.db, visibleKeys(ctx), query, ctx.now, CSV_ROWS);
  const rows = entries.map((e) => [
    ctx.access.repositories.get(e.repo)?.fullName ?? e.repo,
    e.findingId ?? e.fingerprint,
    e.scope,
    e.rule,
    e.message,
    e.reason,
    e.justification,
    e.author,
    e.approver,
    displayStatus(e, ctx.now),
    new Date(e.createdAt).toISOString(),
    e.expiresAt === null ? null : new Date(e.expiresAt).toISOString(),
  ]);
  return { kind: "csv", filename: "guardrail-suppressions.csv", body: toCsv(HEADER, rows) };
}
