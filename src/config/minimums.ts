/**
 * Enforced suppression settings are minimums (design.md "Organisation policy"): for each key the
 * organisation wrote, the stricter of its value and the repository's applies. Keys without a
 * known ordering (a new setting) take the organisation's value, which can only be stricter or
 * equal to what it meant to allow.
 */
import { ROLES, FAIL_ON_LEVELS } from "./schema.js";
import { isRecord } from "../sarif/json-guards.js";

type Stricter = (repo: unknown, enforced: unknown) => unknown;

const higherRole: Stricter = (repo, enforced) =>
  rank(ROLES, enforced) >= rank(ROLES, repo) ? enforced : repo;

/** `required_for: medium` asks approval for more findings than `high`; `none` asks for none. */
const lowerThreshold: Stricter = (repo, enforced) =>
  reach(enforced) >= reach(repo) ? enforced : repo;

/** How many severities a threshold covers: `critical` 1 … `note` 5, `none` 0. */
function reach(value: unknown): number {
  return value === "none" ? 0 : rank(FAIL_ON_LEVELS, value) + 1;
}

/** `30d` is stricter than `90d`; null (no limit) is the loosest; a date is not comparable. */
const shorterExpiry: Stricter = (repo, enforced) => {
  const a = days(repo);
  const b = days(enforced);
  if (enforced === null) return repo;
  if (repo === null || a === null || b === null) return enforced;
  return b <= a ? enforced : repo;
};

const BY_KEY: Partial<Record<string, Stricter>> = {
  permission: higherRole,
  broad_scope_permission: higherRole,
  required_for: lowerThreshold,
  default_expiry: shorterExpiry,
  max_expiry: shorterExpiry,
};

/** Keys of `enforcedRaw` (as written) pick from `enforced` (as parsed) or `repo`, recursively. */
export function mergeMinimums<T extends Record<string, unknown>>(
  repo: T,
  enforced: T,
  enforcedRaw: unknown,
): T {
  if (!isRecord(enforcedRaw)) return repo;
  const out: Record<string, unknown> = { ...repo };
  for (const key of Object.keys(enforcedRaw)) {
    if (!Object.hasOwn(enforced, key)) continue;
    const mine = repo[key];
    const theirs = enforced[key];
    if (isRecord(mine) && isRecord(theirs)) {
      out[key] = mergeMinimums(mine, theirs, enforcedRaw[key]);
      continue;
    }
    out[key] = (BY_KEY[key] ?? ((_repo, value) => value))(mine, theirs);
  }
  return out as T;
}

function rank(order: readonly string[], value: unknown): number {
  return typeof value === "string" ? order.indexOf(value) : -1;
}

function days(value: unknown): number | null {
  const match = typeof value === "string" ? /^(\d+)d$/.exec(value) : null;
  return match?.[1] === undefined ? null : Number(match[1]);
}
