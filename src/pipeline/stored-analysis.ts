import type { Finding, Note } from "../findings/finding.js";
import type { AnalysisRecord } from "../store/analysis-record.js";

/** What analyseRun stores beside the findings, so a later re-evaluation needs no artifact. */
export interface StoredContext {
  notes: Note[];
  readErrors: number;
  toolNames: string[];
  defaultBranch: string;
  runUrl: string;
}

export interface StoredAnalysis {
  record: AnalysisRecord;
  findings: Finding[];
  context: StoredContext;
}

export function storedAnalysis(record: AnalysisRecord): StoredAnalysis {
  const context = (record.notes ?? {}) as Partial<StoredContext>;
  return {
    record,
    findings: record.findings as Finding[],
    context: {
      notes: context.notes ?? [],
      readErrors: context.readErrors ?? 0,
      toolNames: context.toolNames ?? [],
      defaultBranch: context.defaultBranch ?? "main",
      runUrl: context.runUrl ?? "",
    },
  };
}
