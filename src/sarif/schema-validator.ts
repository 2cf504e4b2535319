/**
 * Validation against the official SARIF 2.1.0 schema (JSON Schema draft-04), compiled once.
 * Results are validated one by one so that a hostile file with a million bad results costs
 * at most MAX_SCHEMA_VIOLATIONS error objects, not a million.
 */
import { readFileSync } from "node:fs";
import Ajv04 from "ajv-draft-04";
import type { ErrorObject, ValidateFunction } from "ajv-draft-04";
import { isRecord } from "./json-guards.js";

/** Only the first few are shown; the rest would only cost memory. */
export const MAX_SCHEMA_VIOLATIONS = 100;

export interface SchemaViolation {
  /** JSON pointer into the log, "" for the root. */
  pointer: string;
  /** The failing JSON Schema keyword (`type`, `required`, `uniqueItems`…). */
  keyword: string;
  message: string;
  /** For `required`: the property that is missing. */
  missingProperty?: string;
}

interface Validators {
  log: ValidateFunction;
  result: ValidateFunction;
}

let compiled: Validators | undefined;

function validators(): Validators {
  if (compiled !== undefined) return compiled;
  const schemaUrl = new URL("./sarif-schema-2.1.0.json", import.meta.url);
  const schema = JSON.parse(readFileSync(schemaUrl, "utf8")) as { id: string };
  // ajv-draft-04 is CommonJS: under Node's ESM interop the class is the module's `default`.
  const ajv = new Ajv04.default({
    allErrors: true,
    strict: false,
    // No format plugin is installed and a malformed URI string does not stop reading.
    validateFormats: false,
    logger: false,
  });
  const log = ajv.compile(schema);
  const result = ajv.getSchema(`${schema.id}#/definitions/result`);
  if (result === undefined) throw new Error("SARIF schema has no result definition");
  compiled = { log, result };
  return compiled;
}

/**
 * Compiles the schema now rather than on the first SARIF file: compiling takes about a second of
 * blocked event loop, which would otherwise delay that analysis and every webhook arriving meanwhile.
 */
export function prepareSarifValidator(): void {
  validators();
}

function toViolation(error: ErrorObject, prefix: string): SchemaViolation {
  const params: Record<string, unknown> = error.params;
  const missing = error.keyword === "required" ? params["missingProperty"] : undefined;
  return {
    pointer: prefix + error.instancePath,
    keyword: error.keyword,
    message: error.message ?? error.keyword,
    ...(typeof missing === "string" ? { missingProperty: missing } : {}),
  };
}

/** The log with every array of results emptied, so it validates without its results. */
function withoutResults(log: unknown): unknown {
  if (!isRecord(log) || !Array.isArray(log["runs"])) return log;
  const runs = (log["runs"] as unknown[]).map((run) =>
    isRecord(run) && Array.isArray(run["results"]) ? { ...run, results: [] } : run,
  );
  return { ...log, runs };
}

export interface SchemaCheck {
  /** At most MAX_SCHEMA_VIOLATIONS, plus one for a result that is not an object past the cap. */
  violations: SchemaViolation[];
  /** False when violations past the cap were not collected. */
  complete: boolean;
}

export interface SchemaCheckInProgress {
  /** One element of runs[run].results, as it is read. */
  result(result: unknown, run: number, index: number): void;
  /** The log with its results arrays emptied (read last when results are streamed). */
  finish(envelope: unknown): SchemaCheck;
}

/**
 * Results are checked as they arrive, the rest of the log at the end; its violations are listed
 * first. Past MAX_SCHEMA_VIOLATIONS from results only what breaks reading (a result that is not an
 * object) is still looked for.
 */
export function startSchemaCheck(): SchemaCheckInProgress {
  const { log: validateLog, result: validateResult } = validators();
  const fromResults: SchemaViolation[] = [];
  let resultsComplete = true;
  let notAnObject: SchemaViolation | undefined;
  return {
    result(result, run, index) {
      const prefix = `/runs/${run}/results/${index}`;
      if (fromResults.length < MAX_SCHEMA_VIOLATIONS) {
        if (validateResult(result)) return;
        for (const error of validateResult.errors ?? []) {
          if (fromResults.length >= MAX_SCHEMA_VIOLATIONS) resultsComplete = false;
          else fromResults.push(toViolation(error, prefix));
        }
      } else if (!isRecord(result)) {
        notAnObject ??= { pointer: prefix, keyword: "type", message: "must be object" };
      } else {
        resultsComplete = false;
      }
    },
    finish(envelope) {
      const violations: SchemaViolation[] = [];
      let complete = resultsComplete;
      const add = (violation: SchemaViolation): void => {
        if (violations.length >= MAX_SCHEMA_VIOLATIONS) complete = false;
        else violations.push(violation);
      };
      if (!validateLog(withoutResults(envelope))) {
        for (const error of validateLog.errors ?? []) add(toViolation(error, ""));
      }
      for (const violation of fromResults) add(violation);
      if (notAnObject !== undefined) {
        violations.push(notAnObject);
        complete = false;
      }
      return { violations, complete };
    },
  };
}

/** Schema violations of `log`, collected up to MAX_SCHEMA_VIOLATIONS. */
export function validateSarifSchema(log: unknown): SchemaCheck {
  const check = startSchemaCheck();
  if (isRecord(log) && Array.isArray(log["runs"])) {
    for (const [runIndex, run] of (log["runs"] as unknown[]).entries()) {
      if (!isRecord(run) || !Array.isArray(run["results"])) continue;
      for (const [index, result] of (run["results"] as unknown[]).entries()) {
        check.result(result, runIndex, index);
      }
    }
  }
  return check.finish(log);
}
