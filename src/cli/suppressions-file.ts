/** `check --suppressions <file>`: the YAML or SARIF that `suppressions export` wrote. */
import { readFile } from "node:fs/promises";
import type { Suppression } from "../store/suppression.js";
import { readSarif } from "../sarif/read-sarif.js";
import { CliError } from "./cli-error.js";
import { suppressionsFromSarif } from "./suppressions-sarif.js";
import { suppressionsFromYaml } from "./suppressions-yaml.js";

export async function readSuppressionsFile(file: string): Promise<Suppression[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new CliError(`suppressions file not found: ${file}`);
  }
  // SARIF is JSON, whose documents start with "{"; the YAML export starts with a comment or key.
  if (!text.trimStart().startsWith("{")) return suppressionsFromYaml(text, file);
  const read = readSarif(text, file);
  if (!read.ok) {
    throw new CliError(
      `invalid suppressions file ${file}: ${read.notes[0]?.message ?? "not SARIF"}`,
    );
  }
  return suppressionsFromSarif(read.log, file);
}
