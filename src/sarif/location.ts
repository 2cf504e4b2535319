/**
 * SARIF locations → finding locations: the primary one, related locations and code flows.
 */
import type { Result } from "sarif";
import type { Location } from "../findings/finding.js";
import { resolveArtifactPath, type PathContext } from "./artifact-path.js";
import { asString, isRecord, records } from "./json-guards.js";
import { readRegion } from "./region.js";
import { MAX_SHORT_TEXT_LENGTH, truncateText } from "./truncate-text.js";

/** Enough context for a reviewer; CodeQL rarely lists more than a dozen. */
export const MAX_RELATED_LOCATIONS = 50;
/** Paths shown per finding; more would not be read in a comment. */
export const MAX_CODE_FLOWS = 10;
/** Steps kept per code flow when reading SARIF (the comment shows fewer: report/code-flow.ts). */
export const MAX_READ_FLOW_STEPS = 100;

export type LocationReading =
  { kind: "located"; location: Location; problem?: string } | { kind: "unlocated" };

function messageOf(location: Record<string, unknown>): string | undefined {
  const message = location["message"];
  if (!isRecord(message)) return undefined;
  const text = asString(message["markdown"]) ?? asString(message["text"]);
  return text === undefined || text === "" ? undefined : truncateText(text, MAX_SHORT_TEXT_LENGTH);
}

/** A SARIF `location` → Location; an invalid region leaves a file-level location and a problem. */
export function readLocation(
  context: PathContext,
  location: unknown,
  withMessage: boolean = true,
): LocationReading {
  if (!isRecord(location) || !isRecord(location["physicalLocation"])) return { kind: "unlocated" };
  const physical = location["physicalLocation"];
  const path = resolveArtifactPath(context, physical["artifactLocation"]);
  if (path === undefined) return { kind: "unlocated" };
  const message = withMessage ? messageOf(location) : undefined;
  const base: Location = { path, ...(message === undefined ? {} : { message }) };
  const region = readRegion(physical["region"]);
  if (region.kind === "lines")
    return { kind: "located", location: { ...base, region: region.region } };
  if (region.kind === "invalid")
    return { kind: "located", location: base, problem: region.problem };
  return { kind: "located", location: base };
}

/** The first of the result's locations that names a file. */
export function primaryLocation(context: PathContext, result: Result): LocationReading {
  for (const location of records(result.locations)) {
    // The result's message belongs to the finding, not to its primary location.
    const reading = readLocation(context, location, false);
    if (reading.kind === "located") return reading;
  }
  return { kind: "unlocated" };
}

function locatedOnly(context: PathContext, locations: readonly unknown[], max: number): Location[] {
  const out: Location[] = [];
  for (const location of locations) {
    if (out.length >= max) break;
    const reading = readLocation(context, location);
    if (reading.kind === "located") out.push(reading.location);
  }
  return out;
}

export function relatedLocations(context: PathContext, result: Result): Location[] {
  return locatedOnly(context, records(result.relatedLocations), MAX_RELATED_LOCATIONS);
}

/** One list of steps per threadFlow, in order. */
export function codeFlows(context: PathContext, result: Result): Location[][] {
  const flows: Location[][] = [];
  for (const codeFlow of records(result.codeFlows)) {
    for (const threadFlow of records(codeFlow.threadFlows)) {
      if (flows.length >= MAX_CODE_FLOWS) return flows;
      const steps = records(threadFlow.locations).map((step) => step.location as unknown);
      const located = locatedOnly(context, steps, MAX_READ_FLOW_STEPS);
      if (located.length > 0) flows.push(located);
    }
  }
  return flows;
}
