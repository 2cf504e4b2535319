/**
 * The envelope of a streamed log — everything but its results — parsed as it streams with
 * @streamparser/json, so each run's members are known as soon as they are complete: results that
 * follow their run's tool can be read against it at once.
 */
import { JSONParser } from "@streamparser/json";
import type { Run } from "sarif";
import { asRecord, isRecord } from "./json-guards.js";

/**
 * Run members that no result is read against (see runContext): one of these after the results
 * does not make them read again. Anything else after them (tool, artifacts, originalUriBaseIds,
 * invocations, taxonomies…) does.
 */
const NOT_CONTEXT = new Set([
  "results",
  "columnKind",
  "newlineSequences",
  "properties",
  "language",
  "defaultEncoding",
  "defaultSourceLanguage",
  "baselineGuid",
  "redactionTokens",
  "automationDetails",
  "conversion",
]);

export interface Envelope {
  write(bytes: Uint8Array): void;
  /** The whole envelope (results arrays empty); undefined when the input held no JSON value. */
  end(): unknown;
  /** The members of runs[run] completed so far, as a run to read results against. */
  runSoFar(run: number): Run;
  /**
   * Results of `run` begin. False when they cannot be read yet (the run's tool comes later);
   * a context member arriving after this also puts the run in lateContext.
   */
  resultsBegan(run: number): boolean;
  /** Runs whose results came before some of their context. */
  readonly lateContext: Set<number>;
}

export function createEnvelopeParser(): Envelope {
  const parser = new JSONParser({ paths: ["$", "$.runs.*.*"] });
  const members = new Map<number, Record<string, unknown>>();
  const began = new Set<number>();
  const lateContext = new Set<number>();
  let root: unknown;
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 0) {
      root = value;
      return;
    }
    const run = stack[2]?.key;
    if (typeof run !== "number" || typeof key !== "string") return;
    let sofar = members.get(run);
    if (sofar === undefined) members.set(run, (sofar = {}));
    Object.defineProperty(sofar, key, { value, enumerable: true, writable: true });
    if (began.has(run) && !NOT_CONTEXT.has(key)) lateContext.add(run);
  };
  return {
    write: (bytes) => parser.write(bytes),
    end() {
      if (!parser.isEnded) parser.end();
      return root;
    },
    runSoFar: (run) => ({ ...members.get(run), results: [] }) as unknown as Run,
    resultsBegan(run) {
      began.add(run);
      if (members.get(run)?.["tool"] !== undefined) return true;
      lateContext.add(run);
      return false;
    },
    lateContext,
  };
}

/** The envelope's runs (each with `results: []`), by index; non-objects as undefined. */
export function envelopeRuns(envelope: unknown): (Run | undefined)[] {
  const runs: unknown = isRecord(envelope) ? envelope["runs"] : undefined;
  if (!Array.isArray(runs)) return [];
  return (runs as unknown[]).map((run) => asRecord<Run>(run));
}
