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

/** Schema violations of `log`, collected up to MAX_SCHEMA_VIOLATIONS. */
export function validateSarifSchema(log: unknown): SchemaCheck {
  const { log: validateLog, result: validateResult } = validators();
  const violations: SchemaViolation[] = [];
  let complete = true;
  const collect = (errors: ErrorObject[] | null | undefined, prefix: string): void => {
    for (const error of errors ?? []) {
      if (violations.length >= MAX_SCHEMA_VIOLATIONS) complete = false;
      else violations.push(toViolation(error, prefix));
    }
  };
  if (!validateLog(withoutResults(log))) collect(validateLog.errors, "");
  if (!isRecord(log) || !Array.isArray(log["runs"])) return { violations, complete };
  for (const [runIndex, run] of (log["runs"] as unknown[]).entries()) {
    if (!isRecord(run) || !Array.isArray(run["results"])) continue;
    for (const [resultIndex, result] of (run["results"] as unknown[]).entries()) {
      const prefix = `/runs/${runIndex}/results/${resultIndex}`;
      if (violations.length < MAX_SCHEMA_VIOLATIONS) {
        if (!validateResult(result)) collect(validateResult.errors, prefix);
      } else if (!isRecord(result)) {
        // Past the cap only what breaks reading still matters.
        violations.push({ pointer: prefix, keyword: "type", message: "must be object" });
        return { violations, complete: false };
      } else {
        complete = false;
      }
    }
  }
  return { violations, complete };
}
