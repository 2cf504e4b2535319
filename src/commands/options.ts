import type { ExpiryOption, ScopeOption } from "./command.js";
import { parseExpiryOption } from "./expiry.js";
import { inlineCode } from "./inline-code.js";

/** Long enough for any real path glob; the glob is stored and shown in summaries. */
export const MAX_GLOB_LENGTH = 256;

export interface CommandOptions {
  scope: ScopeOption | null;
  expires: ExpiryOption | null;
}

export type SplitOptions =
  ({ ok: true; words: string[] } & CommandOptions) | { ok: false; problem: string };

/**
 * Takes `--scope` and `--expires` (as `--name value` or `--name=value`) out of the words after
 * the command word, wherever they are; the other words are returned in order.
 */
export function splitOptions(tokens: readonly string[]): SplitOptions {
  let scope: ScopeOption | null = null;
  let expires: ExpiryOption | null = null;
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    const option = /^--([A-Za-z][\w-]*)(?:=(.*))?$/.exec(token);
    if (option?.[1] === undefined) {
      words.push(token);
      continue;
    }
    const name = option[1].toLowerCase();
    if (name !== "scope" && name !== "expires") {
      return {
        ok: false,
        problem: `Unknown option ${inlineCode(token)}; the options are --scope and --expires.`,
      };
    }
    if ((name === "scope" ? scope : expires) !== null) {
      return { ok: false, problem: `--${name} is given twice.` };
    }
    const value = option[2] ?? tokens[++i];
    if (value === undefined || value === "" || value.startsWith("--")) {
      return { ok: false, problem: `--${name} needs a value.` };
    }
    if (name === "scope") {
      const parsed = parseScope(value);
      if (typeof parsed === "string") return { ok: false, problem: parsed };
      scope = parsed;
    } else {
      expires = parseExpiryOption(value);
      if (expires === null) {
        return {
          ok: false,
          problem: `--expires ${inlineCode(value)} is neither a date (YYYY-MM-DD) nor a number of days (30d).`,
        };
      }
    }
  }
  return { ok: true, scope, expires, words };
}

/** A scope, or the problem with it. */
function parseScope(value: string): ScopeOption | string {
  const lower = value.toLowerCase();
  if (lower === "finding" || lower === "rule") return { kind: lower };
  if (!lower.startsWith("path:")) {
    return `--scope ${inlineCode(value)} is not one of finding, rule or path:<glob>.`;
  }
  const glob = value.slice("path:".length).replace(/^(\.\/)+/, "");
  if (glob === "") return "--scope path: needs a glob, such as path:test/**.";
  if (glob.startsWith("/") || glob.split("/").includes("..")) {
    return `--scope path glob ${inlineCode(glob)} must be relative to the repository root.`;
  }
  if (glob.length > MAX_GLOB_LENGTH) {
    return `--scope path glob is longer than ${MAX_GLOB_LENGTH} characters.`;
  }
  return { kind: "path", glob };
}
