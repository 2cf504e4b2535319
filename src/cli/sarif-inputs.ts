/** `--sarif` arguments → validated SARIF logs. Any unreadable input stops the check (exit 2). */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Note } from "../findings/finding.js";
import { readSarif } from "../sarif/read-sarif.js";
import type { SarifLog } from "../sarif/sarif-log.js";
import { CliError, firstLine } from "./cli-error.js";

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

/** `args` as the user typed them (and named so in messages), relative to `cwd`. */
export async function readSarifInputs(args: readonly string[], cwd: string): Promise<SarifInput[]> {
  const paths: string[] = [];
  for (const arg of args) {
    for (const path of await expand(arg, cwd)) if (!paths.includes(path)) paths.push(path);
  }
  const inputs: SarifInput[] = [];
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = await readFile(resolve(cwd, path));
    } catch (error) {
      throw new CliError(`cannot read SARIF input ${path}: ${firstLine(error)}`);
    }
    const read = readSarif(bytes, path);
    if (!read.ok) {
      const note = read.notes[0];
      throw new CliError(`invalid SARIF: ${path}: ${note?.message ?? "could not be read"}`);
    }
    inputs.push({ path, log: read.log, warnings: read.warnings });
  }
  return inputs;
}

async function expand(arg: string, cwd: string): Promise<string[]> {
  const info = await stat(resolve(cwd, arg)).catch(() => undefined);
  if (info === undefined) throw new CliError(`SARIF input not found: ${arg}`);
  if (info.isFile()) return [arg];
  if (!info.isDirectory())
    throw new CliError(`SARIF input is neither a file nor a directory: ${arg}`);
  const found = (await walk(arg, cwd)).sort();
  if (found.length === 0) throw new CliError(`no *.sarif or *.sarif.json file in ${arg}`);
  return found;
}

async function walk(directory: string, cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(resolve(cwd, directory), { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name))
      out.push(...(await walk(path, cwd)));
    else if (entry.isFile() && SARIF_NAME.test(entry.name)) out.push(path);
  }
  return out;
}
