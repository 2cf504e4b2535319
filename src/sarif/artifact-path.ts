/**
 * SARIF artifactLocation → repository path: `index` via `run.artifacts`, `uriBaseId` via
 * `run.originalUriBaseIds` (chains allowed), `file://` and checkout prefixes stripped.
 */
import type { Run } from "sarif";
import { asIndex, asString, isRecord, recordAt, records } from "./json-guards.js";
import {
  asDirectory,
  isNonFileUri,
  normalisePath,
  stripCheckoutPrefix,
  uriToPath,
} from "./repo-path.js";
import { MAX_URI_LENGTH } from "./truncate-text.js";

/** Real chains are one or two links (SOURCE_ROOT → REPO_ROOT); a longer one is a cycle. */
export const MAX_URI_BASE_CHAIN = 16;

export interface PathContext {
  run: Run;
  /** From `invocations[].workingDirectory`: absolute, ending in "/", longest first. */
  workingDirectories: string[];
  /** Resolved `uriBaseId` → directory relative to the checkout ("" = root). */
  baseDirectories: Map<string, string>;
  /** `uriBaseId` + uri → resolved path: results of a big run name the same files again and again. */
  resolved: Map<string | undefined, Map<string, string | undefined>>;
}

export function pathContext(run: Run): PathContext {
  const workingDirectories = records(run.invocations)
    .map((invocation) =>
      asString(isRecord(invocation.workingDirectory) ? invocation.workingDirectory.uri : undefined),
    )
    .filter((uri): uri is string => uri !== undefined && !isNonFileUri(uri))
    .map((uri) => asDirectory(uriToPath(uri)))
    .filter((directory) => directory.startsWith("/") && directory !== "/")
    .sort((a, b) => b.length - a.length);
  return { run, workingDirectories, baseDirectories: new Map(), resolved: new Map() };
}

function isAbsolute(uri: string): boolean {
  return uri.startsWith("/") || /^file:/i.test(uri) || /^[A-Za-z]:[\\/]/.test(uri);
}

/**
 * The checkout-relative directory a `uriBaseId` stands for. An undefined base, `file:///` and
 * `/` mean the checkout root. So does an absolute base outside any known checkout (a
 * developer's laptop path): the tool's scan root, which is where it ran, the checkout.
 */
function baseDirectory(context: PathContext, id: string, depth: number): string {
  const cached = context.baseDirectories.get(id);
  if (cached !== undefined) return cached;
  const bases: unknown = context.run.originalUriBaseIds;
  const entry = isRecord(bases) && Object.hasOwn(bases, id) ? bases[id] : undefined;
  const uri = isRecord(entry) ? asString(entry["uri"]) : undefined;
  let directory = "";
  if (uri !== undefined && depth < MAX_URI_BASE_CHAIN && !isNonFileUri(uri)) {
    if (isAbsolute(uri)) {
      const path = asDirectory(uriToPath(uri));
      directory = stripCheckoutPrefix(path, context.workingDirectories) ?? "";
    } else {
      const parentId = isRecord(entry) ? asString(entry["uriBaseId"]) : undefined;
      const parent = parentId === undefined ? "" : baseDirectory(context, parentId, depth + 1);
      directory = normalisePath(parent + uriToPath(uri)) ?? "";
    }
  }
  const resolved = directory === "" ? "" : asDirectory(directory);
  context.baseDirectories.set(id, resolved);
  return resolved;
}

/** Path of `uri` relative to the checkout; escaping paths keep their `../` or leading `/`. */
export function resolveUri(
  context: PathContext,
  uri: string,
  uriBaseId: string | undefined,
): string | undefined {
  if (uri.length > MAX_URI_LENGTH || isNonFileUri(uri)) return undefined;
  if (isAbsolute(uri)) {
    const path = uriToPath(uri);
    return normalisePath(stripCheckoutPrefix(path, context.workingDirectories) ?? path);
  }
  const base = uriBaseId === undefined ? "" : baseDirectory(context, uriBaseId, 0);
  return normalisePath(base + uriToPath(uri));
}

/** The repository path an artifactLocation names, or undefined when it names none. */
export function resolveArtifactPath(context: PathContext, location: unknown): string | undefined {
  if (!isRecord(location)) return undefined;
  let uri = asString(location["uri"]);
  let uriBaseId = asString(location["uriBaseId"]);
  if (uri === undefined) {
    const artifact = recordAt(context.run.artifacts, asIndex(location["index"]));
    const artifactLocation: unknown = artifact?.location;
    if (!isRecord(artifactLocation)) return undefined;
    uri = asString(artifactLocation["uri"]);
    uriBaseId = asString(artifactLocation["uriBaseId"]);
  }
  if (uri === undefined) return undefined;
  let byUri = context.resolved.get(uriBaseId);
  if (byUri === undefined)
    context.resolved.set(uriBaseId, (byUri = new Map<string, string | undefined>()));
  if (byUri.has(uri)) return byUri.get(uri);
  const path = resolveUri(context, uri, uriBaseId);
  byUri.set(uri, path);
  return path;
}
