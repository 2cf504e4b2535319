/** `--sarif` arguments → validated SARIF logs. Any unreadable input stops the check (exit 2). */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Note } from "../findings/finding.js";
import { readSarif } from "../sarif/read-sarif.js";
import type { SarifLog } from "../sarif/sarif-log.js";
import { CliError } from "./cli-error.js";

/** The names the app extracts from artifacts too (design.md "Limits"). */
const SARIF_NAME = /\.sarif(\.json)?$/i;
/** Never SARIF a scanner wrote for this repository, and slow to walk. */
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([".git", "node_modules"]);

export interface SarifInput {
  /** As given (or found under a given directory): names the file in notes and errors. */
  path: string;
  log: SarifLog;
  warnings: Note[];
}

export async function readSarifInputs(args: readonly string[]): Promise<SarifInput[]> {
  const paths: string[] = [];
  for (const arg of args) {
    for (const path of await expand(arg)) if (!paths.includes(path)) paths.push(path);
  }
  const inputs: SarifInput[] = [];
  for (const path of paths) {
    const read = readSarif(await readFile(path), path);
    if (!read.ok) {
      const note = read.notes[0];
      throw new CliError(`invalid SARIF: ${path}: ${note?.message ?? "could not be read"}`);
    }
    inputs.push({ path, log: read.log, warnings: read.warnings });
  }
  return inputs;
}

async function expand(arg: string): Promise<string[]> {
  const info = await stat(arg).catch(() => undefined);
  if (info === undefined) throw new CliError(`SARIF input not found: ${arg}`);
  if (info.isFile()) return [arg];
  if (!info.isDirectory())
    throw new CliError(`SARIF input is neither a file nor a directory: ${arg}`);
  const found = (await walk(arg)).sort();
  if (found.length === 0) throw new CliError(`no *.sarif or *.sarif.json file in ${arg}`);
  return found;
}

async function walk(directory: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name))
      out.push(...(await walk(path)));
    else if (entry.isFile() && SARIF_NAME.test(entry.name)) out.push(path);
  }
  return out;
}
