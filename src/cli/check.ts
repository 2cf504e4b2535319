/**
 * `guardrail check`: the app's judgement on the local working tree. Reads like the app's pipeline:
 * where (repository, base, diff) → inputs (config, SARIF, suppressions) → findings → evaluate →
 * render. Exit 1 when the gate blocks, else 0; input problems throw CliError (exit 2).
 */
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { buildDiffMap } from "../diff/build-diff-map.js";
import { enrichAnalysis } from "../enrichment/enrich-analysis.js";
import { enrichmentFromEnv } from "../enrichment/enrichment-from-env.js";
import { evaluate } from "../pipeline/evaluate.js";
import { executionProblems } from "../sarif/execution-problems.js";
import { policyFor } from "../triage/gate.js";
import { withIncompleteScans } from "../triage/incomplete-scans.js";
import { overrideFailOn } from "./fail-on-override.js";
import type { CheckOptions } from "./args.js";
import { resolveBase } from "./base.js";
import type { CheckReport } from "./check-report.js";
import { EXIT_BLOCKED, EXIT_PASSED } from "./cli-error.js";
import { collectFindings } from "./collect-findings.js";
import { painter } from "./colours.js";
import { readLocalConfig } from "./config-file.js";
import { diffAgainst, listFiles, repoRoot } from "./git.js";
import { splitGitDiff } from "./git-diff.js";
import { renderJson } from "./render-json.js";
import { renderMarkdown } from "./render-markdown.js";
import { enrichSarif } from "./render-sarif.js";
import { noteLine, plainLine, renderText } from "./render-text.js";
import { resultVerdicts } from "./result-verdicts.js";
import { readSarifInputs } from "./sarif-inputs.js";
import { readSuppressionsFile } from "./suppressions-file.js";
import { trackAgainstBase } from "./track-base.js";
import { workingTreeReader } from "./working-tree.js";

export interface CheckContext {
  cwd: string;
  now: Date;
  colour: boolean;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export async function runCheck(
  options: CheckOptions,
  context: CheckContext,
): Promise<CommandOutput> {
  // 1. Where: the repository, what it is compared with, and the diff (as a PR's files).
  const root = repoRoot(context.cwd);
  const base = resolveBase(root, options.base);
  const files = splitGitDiff(diffAgainst(root, base.mergeBase));
  const diff = buildDiffMap(files);

  // 2. Inputs: config, SARIF, exported suppressions.
  const local = await readLocalConfig(
    root,
    options.config === undefined ? undefined : resolve(context.cwd, options.config),
  );
  const inputs = await readSarifInputs(options.sarif, context.cwd);
  const suppressions =
    options.suppressions === undefined
      ? []
      : await readSuppressionsFile(resolve(context.cwd, options.suppressions));

  // 3. Findings, fingerprinted from the working tree; with --base-sarif, tracked to the base's.
  const roots = [root, realpathSync(root)];
  const headContent = workingTreeReader(root);
  const collected = await collectFindings(inputs, {
    roots,
    listFiles: () => listFiles(root),
    getContent: headContent,
  });
  const tracked =
    options.baseSarif === undefined
      ? null
      : await trackAgainstBase(collected.findings, {
          root,
          roots,
          cwd: context.cwd,
          mergeBase: base.mergeBase,
          baseSarif: options.baseSarif,
          files,
          diff,
          headContent,
        });

  // KEV / EPSS as in the App: GUARDRAIL_KEV_FILE / GUARDRAIL_EPSS_FILE, else the publishers.
  const enriched = await enrichAnalysis(
    enrichmentFromEnv({
      GUARDRAIL_KEV_FILE: process.env["GUARDRAIL_KEV_FILE"],
      GUARDRAIL_EPSS_FILE: process.env["GUARDRAIL_EPSS_FILE"],
    }),
    tracked?.findings ?? collected.findings,
    local.config,
  );

  // 4. The same triage and gate as in the pull request; with no base SARIF, no baseline: new =
  //    on an added line.
  const config =
    options.failOn === undefined
      ? local.config
      : { ...local.config, gate: [overrideFailOn(local.config, options.failOn, base)] };
  const evaluation = evaluate({
    findings: enriched.findings,
    diff,
    baseline: tracked?.baseline ?? null,
    ...(tracked === null ? {} : { baseSnippets: tracked.baseSnippets }),
    suppressions,
    expiredSuppressions: [],
    config,
    isFork: false,
    baseBranch: base.branch,
    defaultBranch: base.defaultBranch,
    readErrors: 0,
    alreadyCommented: new Set(),
    now: context.now,
  });

  // 5. Render. A scanner that says it skipped files keeps the verdict from "passed".
  const scanProblems = inputs.flatMap((input) => executionProblems(input.log.runs, input.path));
  const notes = [
    ...local.notes,
    ...scanProblems,
    ...collected.notes,
    ...(tracked?.notes ?? []),
    ...enriched.notes,
  ];
  const judged = { ...evaluation, gate: withIncompleteScans(evaluation.gate, notes) };
  const report: CheckReport = {
    evaluation: judged,
    failOn: policyFor(config, base.branch, base.defaultBranch).fail_on,
    notes,
    base: { ref: base.ref, mergeBase: base.mergeBase, branch: base.branch },
    headSha: base.headSha,
    toolNames: collected.toolNames,
  };
  const exitCode = judged.gate.conclusion === "failure" ? EXIT_BLOCKED : EXIT_PASSED;
  // Whatever the format, a terminal reader hears at once that the scan was incomplete.
  const warnings = scanProblems.map((note) => `warning: ${noteLine(note)}\n`).join("");
  switch (options.format) {
    case "text":
      return {
        stdout: renderText(report, painter(context.colour), { all: options.all === true }),
        stderr: warnings,
        exitCode,
      };
    case "markdown":
      return { stdout: renderMarkdown(report), stderr: warnings, exitCode };
    case "json":
      return { stdout: renderJson(report), stderr: warnings, exitCode };
    case "sarif": {
      const enriched = enrichSarif(
        inputs.map(({ log }) => ({
          log,
          verdicts: resultVerdicts(log, evaluation.triaged, collected.reread),
        })),
      );
      // stdout is the SARIF document; what a reader of the terminal needs goes to stderr.
      const verdict = `${judged.gate.conclusion}: ${judged.gate.reason}`;
      const stderr = [...notes.map(noteLine), plainLine(verdict)].join("\n");
      return { stdout: `${JSON.stringify(enriched, null, 2)}\n`, stderr: `${stderr}\n`, exitCode };
    }
  }
}
