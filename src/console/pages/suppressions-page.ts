import { SUPPRESSION_REASONS } from "../../store/suppression.js";
import { formatDate } from "../format.js";
import { findingHref } from "../links.js";
import type { PageContext, PageResult } from "../page.js";
import { layoutData, visibleKeys } from "../page.js";
import { suppressionRegister, type RegisterEntry } from "../queries/suppression-register.js";
import { EXPIRY_DAYS, filterQueryString, readFilters, STATUSES } from "./register-filters.js";

/** The page shows the newest entries; the CSV export carries every matching one. */
export const PAGE_ROWS = 500;
export const CSV_ROWS = 100_000;

export async function suppressionsPage(ctx: PageContext): Promise<PageResult> {
  const { form, query } = readFilters(ctx.url.searchParams);
  const rows = await suppressionRegister(ctx.db, visibleKeys(ctx), query, ctx.now, PAGE_ROWS + 1);
  const entries = rows.slice(0, PAGE_ROWS).map((e) => registerRow(ctx, e));
  const body = ctx.render("suppressions", {
    ...layoutData(ctx, "Suppressions"),
    filters: form,
    repoOptions: [...ctx.access.repositories.values()].sort((a, b) =>
      a.fullName.localeCompare(b.fullName),
    ),
    reasons: SUPPRESSION_REASONS,
    statuses: STATUSES,
    expiryOptions: EXPIRY_DAYS,
    csvHref: `${ctx.root}/suppressions.csv${filterQueryString(form)}`,
    entries,
    truncated: rows.length > PAGE_ROWS,
  });
  return { kind: "html", status: 200, body };
}

function registerRow(ctx: PageContext, e: RegisterEntry) {
  const repo = ctx.access.repositories.get(e.repo);
  const target = e.findingId ?? e.fingerprint;
  return {
    ...e,
    fullName: repo?.fullName ?? e.repo,
    status: displayStatus(e, ctx.now),
    findingHref: repo && target ? findingHref(ctx.root, repo, target) : null,
    created: formatDate(e.createdAt),
    expires: e.expiresAt === null ? "never" : formatDate(e.expiresAt),
  };
}

/** An active suppression past its expiry no longer applies, whether or not it was swept yet. */
export function displayStatus(e: RegisterEntry, now: number): string {
  return e.status === "active" && e.expiresAt !== null && e.expiresAt <= now ? "expired" : e.status;
}
