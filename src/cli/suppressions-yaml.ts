/** The YAML form of exported suppressions: what a repository commits to pin them as code. */
import { parse, stringify } from "yaml";
import { z } from "zod";
import type { Suppression } from "../store/suppression.js";
import { CliError, firstLine } from "./cli-error.js";
import { fromEntry, suppressionEntrySchema, toEntry } from "./suppression-entry.js";

const documentSchema = z.strictObject({
  version: z.literal(1).optional(),
  repo: z.string().optional(),
  exported: z.string().optional(),
  suppressions: z.array(suppressionEntrySchema),
});

export function suppressionsToYaml(
  suppressions: readonly Suppression[],
  meta: { repo: string; now: Date },
): string {
  const document = {
    version: 1,
    repo: meta.repo,
    exported: meta.now.toISOString(),
    suppressions: suppressions.map(toEntry),
  };
  return `# Guardrail suppressions (guardrail suppressions export); use with: guardrail check --suppressions <this file>\n${stringify(document)}`;
}

export function suppressionsFromYaml(text: string, file: string): Suppression[] {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new CliError(`invalid suppressions file ${file}: not valid YAML: ${firstLine(error)}`);
  }
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue === undefined || issue.path.length === 0 ? "(top level)" : issue.path.join(".");
    throw new CliError(
      `invalid suppressions file ${file}: ${where}: ${issue?.message ?? "invalid"}`,
    );
  }
  const repo = parsed.data.repo?.toLowerCase() ?? "";
  return parsed.data.suppressions.map((entry, i) =>
    fromEntry(entry, { repo, fallbackId: i + 1, file }),
  );
}
