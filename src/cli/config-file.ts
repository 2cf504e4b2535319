/**
 * The repository config, read from the working tree: `--config <path>`, else
 * `.github/guardrail.yml` when it exists, else the defaults. Invalid → exit 2 naming the problem.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import type { Note } from "../findings/finding.js";
import { CONFIG_PATH } from "../config/load-config.js";
import { parseConfig } from "../config/parse-config.js";
import type { GuardrailConfig } from "../config/schema.js";
import { applyEnforce } from "../config/apply-enforce.js";
import { CliError, firstLine } from "./cli-error.js";

export interface LocalConfig {
  config: GuardrailConfig;
  /** The file read; undefined when the defaults apply. */
  source: string | undefined;
  notes: Note[];
}

export async function readLocalConfig(
  root: string,
  explicit: string | undefined,
): Promise<LocalConfig> {
  const path = explicit ?? join(root, CONFIG_PATH);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    if (explicit !== undefined) throw new CliError(`config file not found: ${explicit}`);
    return { config: defaults(), source: undefined, notes: [] };
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new CliError(`bad config ${path}: not valid YAML: ${firstLine(error)}`);
  }
  const parsed = parseConfig(raw);
  if (!parsed.ok) throw new CliError(`bad config ${path}: ${parsed.error.split("\n").join("; ")}`);
  const notes: Note[] = hasExtends(raw)
    ? [
        {
          level: "warning",
          source: path,
          message: "`_extends` is not followed by the CLI: only this file applies",
        },
      ]
    : [];
  // The file's own `enforce:` applies, so the organisation's file can be tried locally.
  const enforceRaw = isRecordLike(raw) ? raw["enforce"] : undefined;
  const config = applyEnforce(parsed.config, parsed.config.enforce, enforceRaw);
  return { config, source: path, notes };
}

function defaults(): GuardrailConfig {
  const parsed = parseConfig(null);
  if (!parsed.ok) throw new Error(`the default config does not validate: ${parsed.error}`);
  return parsed.config;
}

function isRecordLike(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw);
}

function hasExtends(raw: unknown): boolean {
  return typeof raw === "object" && raw !== null && "_extends" in raw;
}
