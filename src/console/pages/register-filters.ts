import { SUPPRESSION_REASONS } from "../../store/suppression.js";
import type { RegisterFilters } from "../queries/suppression-register.js";

export const STATUSES = ["requested", "active", "denied", "lifted", "expired"] as const;
export const EXPIRY_DAYS = [7, 30, 90] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The filter form as typed; unknown values are dropped rather than passed to a query. */
export interface FormFilters {
  repo?: string;
  reason?: string;
  status?: string;
  author?: string;
  expires?: string;
}

export function readFilters(params: URLSearchParams): {
  form: FormFilters;
  query: RegisterFilters;
} {
  const form: FormFilters = {};
  const query: RegisterFilters = {};
  const repo = params.get("repo")?.trim().toLowerCase();
  if (repo) form.repo = query.repo = repo;
  const reason = params.get("reason") ?? "";
  if ((SUPPRESSION_REASONS as readonly string[]).includes(reason))
    form.reason = query.reason = reason;
  const status = params.get("status") ?? "";
  if ((STATUSES as readonly string[]).includes(status)) form.status = query.status = status;
  const author = params.get("author")?.trim();
  if (author) form.author = query.author = author;
  const days = Number(params.get("expires"));
  if ((EXPIRY_DAYS as readonly number[]).includes(days)) {
    form.expires = String(days);
    query.expiresWithinMs = days * DAY_MS;
  }
  return { form, query };
}

export function filterQueryString(form: FormFilters): string {
  const params = new URLSearchParams(
    Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}
