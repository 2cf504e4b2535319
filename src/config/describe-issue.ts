/**
 * One zod issue as one line a repository owner can act on:
 * `gate[0].fail_on: expected one of critical|high|medium|low|note|none, got "hgh"`.
 */
import { plural } from "../text/plural.js";
import type { z } from "zod";

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** The offending value is echoed back; a whole pasted document would drown the message. */
const MAX_SHOWN_VALUE_CHARS = 60;

export function formatPath(path: readonly PathKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(top level)" : out;
}

export function describeIssue(issue: Issue, raw: unknown): string {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown key`).join("\n");
  }
  const where = formatPath(issue.path);
  const value = valueAt(raw, issue.path);
  if (!value.found) return `${where}: missing, ${problem(issue)}`;
  return `${where}: ${problem(issue)}, got ${show(value.value)}`;
}

function problem(issue: Issue): string {
  switch (issue.code) {
    case "invalid_value":
      return `expected one of ${issue.values.map(String).join("|")}`;
    case "invalid_type":
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small":
      if (issue.origin === "array") return `expected at least ${plural(issue.minimum, "entry")}`;
      if (issue.origin === "string")
        return `expected at least ${plural(issue.minimum, "character")}`;
      return `expected a value of at least ${issue.minimum}`;
    case "too_big":
      return `expected a value of at most ${issue.maximum}`;
    default:
      return issue.message;
  }
}

const TYPE_NAMES: Partial<Record<string, string>> = {
  int: "a whole number",
  number: "a number",
  string: "a string",
  array: "a list",
  object: "a mapping",
  boolean: "true or false",
};

function valueAt(raw: unknown, path: readonly PathKey[]): { found: boolean; value?: unknown } {
  let current: unknown = raw;
  for (const key of path) {
    if (typeof current !== "object" || current === null || typeof key === "symbol") {
      return { found: false };
    }
    if (!Object.hasOwn(current, key)) return { found: false };
    current = (current as Record<string | number, unknown>)[key];
  }
  return { found: true, value: current };
}

function show(value: unknown): string {
  const text = value === undefined ? "nothing" : (JSON.stringify(value) ?? typeof value);
  return text.length > MAX_SHOWN_VALUE_CHARS ? `${text.slice(0, MAX_SHOWN_VALUE_CHARS)}…` : text;
}
