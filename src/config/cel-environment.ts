/**
 * The CEL environment gate rules are written against (design.md "Policy as code"): the declared
 * variables and their types, so a rule is type-checked when the config is loaded rather than
 * failing on the first finding it meets.
 */
import { Environment, type ParseResult } from "@marcbachmann/cel-js";

/** The fields of `finding`, typed as CEL sees them. */
const FINDING_SCHEMA = {
  tool: "string",
  rule: "string",
  severity: "string",
  level: "string",
  tags: "list<string>",
  cwe: "list<string>",
  cve: "list<string>",
  path: "string",
  line: "int",
  new: "bool",
  kev: "bool",
  epss: "double",
  cvss: "double",
  message: "string",
} as const;

/** A rule is one line of config; a longer expression is a mistake or an attack on the parser. */
const MAX_RULE_CHARS = 2_000;

// Built once and never registered into again: evaluation does not mutate an Environment.
const environment = new Environment({
  limits: { maxAstNodes: 500, maxDepth: 50, maxListElements: 100, maxMapEntries: 100 },
})
  .registerVariable({ name: "finding", schema: FINDING_SCHEMA })
  .registerVariable("branch", "string")
  .registerVariable("is_fork", "bool");

/** Why the expression cannot be a rule (syntax, type, or not a bool), or null when it can. */
export function celProblem(expression: string): string | null {
  if (expression.length > MAX_RULE_CHARS) return `longer than ${MAX_RULE_CHARS} characters`;
  let parsed: ParseResult;
  try {
    parsed = environment.parse(expression);
  } catch (error) {
    return firstLine(error);
  }
  const checked = parsed.check();
  if (!checked.valid) return firstLine(checked.error);
  if (checked.type !== "bool") return `must be a bool expression, this one is ${checked.type}`;
  return null;
}

export type CompiledExpression = (context: object) => unknown;

/** Only called on expressions celProblem accepted (the config would not have loaded otherwise). */
export function compileExpression(expression: string): CompiledExpression {
  const parsed = environment.parse(expression);
  return (context): unknown => parsed(context);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n", 1)[0] ?? message).trim();
}
