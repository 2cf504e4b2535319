/**
 * A SARIF file streamed from its zip entry → findings, never holding the whole log: each result is
 * parsed, schema-checked and normalised as it arrives, then dropped. The same checks as readSarif
 * + normaliseSarif, with the same notes; never throws on hostile input, only when `open`'s stream
 * itself fails (a limit on the artifact was hit), which the caller reports.
 */
import type { Result, Run } from "sarif";
import type { Note, RawFinding } from "../findings/finding.js";
import { asRecord, asString } from "./json-guards.js";
import { runContext } from "./normalise.js";
import type { RunContext } from "./normalise-result.js";
import { createNormaliser } from "./normaliser.js";
import { createResultsScanner, ScanError } from "./results-scanner.js";
import { createEnvelopeParser, envelopeRuns } from "./sarif-envelope.js";
import { startSchemaCheck } from "./schema-validator.js";
import { errorMessage, readFailure, schemaVerdict } from "./schema-verdict.js";
import { withoutByteOrderMark } from "./byte-order-mark.js";

/** Opens the file's bytes; called a second time when a run's tool comes after its results. */
export type OpenSarif = () => AsyncIterable<Uint8Array>;

export type StreamedSarif =
  | {
      ok: true;
      findings: RawFinding[];
      notes: Note[];
      toolNames: string[];
      /** The runs without their results (tool, invocations…), for what is read from those. */
      runs: Run[];
    }
  | { ok: false; notes: Note[] };

class ReadRefusal extends Error {}

export async function readSarifStream(open: OpenSarif, source: string): Promise<StreamedSarif> {
  try {
    const first = await readPass(open, source, null);
    const known = { envelope: first.envelope, runs: envelopeRuns(first.envelope) };
    // Results that came before their run's tool (Semgrep, gosec) are read again with it.
    const final = first.complete ? first : await readPass(open, source, known);
    return judge(final, known.runs, source);
  } catch (error) {
    if (error instanceof ReadRefusal) return readFailure(source, error.message);
    throw error;
  }
}

interface Pass {
  envelope: unknown;
  complete: boolean;
  check: ReturnType<typeof startSchemaCheck>;
  normaliser: ReturnType<typeof createNormaliser>;
}

interface Known {
  envelope: unknown;
  runs: (Run | undefined)[];
}

/** `known` null: the first pass, envelope included; otherwise every run's context is known. */
async function readPass(open: OpenSarif, source: string, known: Known | null): Promise<Pass> {
  const envelope = createEnvelopeParser();
  const check = startSchemaCheck();
  const normaliser = createNormaliser(source);
  const contexts = new Map<number, RunContext | null>();
  const counts = new Map<number, number>();
  const scanner = createResultsScanner({
    envelope: (bytes) => known === null && envelope.write(bytes),
    resultsStart(run) {
      if (known !== null) {
        const whole = known.runs[run];
        contexts.set(run, whole === undefined ? null : runContext(whole));
      } else {
        contexts.set(run, envelope.resultsBegan(run) ? runContext(envelope.runSoFar(run)) : null);
      }
    },
    result(run, bytes) {
      const context = contexts.get(run) ?? null;
      const index = counts.get(run) ?? 0;
      counts.set(run, index + 1);
      if (context === null) return;
      const result: unknown = JSON.parse(bytes.toString("utf8"));
      check.result(result, run, index);
      const object = asRecord<Result>(result);
      if (object !== undefined) normaliser.add(context, object);
    },
  });
  const strip = withoutByteOrderMark();
  try {
    for await (const chunk of open()) scanner.write(strip(chunk));
    scanner.write(strip.flush());
    scanner.end();
  } catch (error) {
    throw refusal(error);
  }
  let whole: unknown = known?.envelope;
  if (known === null) {
    try {
      whole = envelope.end();
    } catch (error) {
      throw refusal(error);
    }
    if (whole === undefined) throw new ReadRefusal("not valid JSON: Unexpected end of JSON input");
  }
  return { envelope: whole, complete: envelope.lateContext.size === 0, check, normaliser };
}

function refusal(error: unknown): unknown {
  if (error instanceof ScanError && error.kind === "depth") {
    return new ReadRefusal(`not read: ${error.message}`);
  }
  if (error instanceof ScanError || error instanceof SyntaxError || isParserError(error)) {
    return new ReadRefusal(`not valid JSON: ${errorMessage(error)}`);
  }
  return error;
}

function isParserError(error: unknown): boolean {
  return error instanceof Error && /^(Tokenizer|TokenParser)Error$/.test(error.constructor.name);
}

function judge(pass: Pass, runs: (Run | undefined)[], source: string): StreamedSarif {
  let verdict: ReturnType<typeof schemaVerdict>;
  try {
    verdict = schemaVerdict(pass.check.finish(pass.envelope), source);
  } catch (error) {
    return readFailure(source, `could not be validated as SARIF 2.1.0: ${errorMessage(error)}`);
  }
  if (!verdict.ok) return verdict;
  const normalised = pass.normaliser.finish();
  const toolNames: string[] = [];
  for (const run of runs) {
    const name = asString(
      asRecord<{ name?: unknown }>(asRecord<Run["tool"]>(run?.tool)?.driver)?.name,
    );
    if (name !== undefined && name !== "" && !toolNames.includes(name)) toolNames.push(name);
  }
  return {
    ok: true,
    findings: normalised.findings,
    notes: [...verdict.warnings, ...normalised.notes],
    toolNames,
    runs: runs.filter((run) => run !== undefined),
  };
}
