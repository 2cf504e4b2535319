/** Usage text and the version, for `guardrail help`, `--help` and `--version`. */
import { readFileSync } from "node:fs";
import type { HelpTopic } from "./args.js";

const CHECK_HELP = `guardrail check --sarif <file|dir>... [options]

Judges SARIF findings against the local git diff exactly as the Guardrail app does in a pull
request: same config, fingerprints, suppressions and gate.

Options:
  --sarif <file|dir>      SARIF file, or directory searched for *.sarif / *.sarif.json (repeatable)
  --base <ref>            compare with the merge base of HEAD and <ref>
                          (default: origin/HEAD's branch, else main, else master)
  --base-sarif <file|dir> the same scanners' SARIF at the merge base (repeatable): findings are
                          tracked to those, so moved or edited-around ones are not new; without
                          it, new means on an added line
  --config <path>         repository config (default: .github/guardrail.yml if present)
  --format <format>       text (default) | markdown | json | sarif (input SARIF with verdicts)
  --fail-on <level>       critical | high | medium | low | note | none (overrides the config gate)
  --suppressions <file>   YAML or SARIF from "guardrail suppressions export"
  --all                   text format: list pre-existing findings too (default: a count per file)

Exit status: 0 passed, 1 the gate blocks, 2 usage or input error.`;

const EXPORT_HELP = `guardrail suppressions export [--format yaml|sarif] [--repo owner/name]

Prints the repository's active suppressions from the store named by DATABASE_URL (unset: SQLite
at ./data/guardrail.db), as YAML (default) or SARIF, for "guardrail check --suppressions".
--repo defaults to the owner/name of the origin remote.`;

const GENERAL_HELP = `guardrail: the Guardrail pull request judgement, in CI and pre-commit

Usage:
  guardrail check --sarif <file|dir>... [--base <ref>] [--base-sarif <file|dir>...] [--config <path>]
                  [--format text|markdown|json|sarif] [--fail-on <level>] [--suppressions <file>]
                  [--all]
  guardrail suppressions export [--format yaml|sarif] [--repo owner/name]
  guardrail help [check|suppressions]
  guardrail --version

Run "guardrail help check" for details.`;

export function helpText(topic: HelpTopic | undefined): string {
  const text = topic === "check" ? CHECK_HELP : topic === "export" ? EXPORT_HELP : GENERAL_HELP;
  return `${text}\n`;
}

/** From the package.json next to dist/ (or src/), so it never drifts from the release. */
export function packageVersion(): string {
  try {
    const raw: unknown = JSON.parse(
      readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
    );
    const version =
      typeof raw === "object" && raw !== null && "version" in raw ? raw.version : undefined;
    return typeof version === "string" ? version : "unknown";
  } catch {
    return "unknown";
  }
}
