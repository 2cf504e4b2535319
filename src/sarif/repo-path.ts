/**
 * Turning what scanners write into repository-relative POSIX paths. A path that cannot be
 * placed in the checkout stays recognisable: it keeps its leading `../` or `/` so that
 * resolveEscapedPaths can match it against the repository's files later.
 */

/**
 * Where hosted runners check out the repository. Scanners that print absolute paths print
 * these; the two segments after `work` are the repository name and the checkout directory.
 */
const CHECKOUT_PREFIXES: readonly RegExp[] = [
  /^\/home\/runner\/work\/[^/]+\/[^/]+\//, // GitHub-hosted Linux
  /^\/Users\/runner\/work\/[^/]+\/[^/]+\//, // GitHub-hosted macOS
  /^\/[A-Za-z]:\/a\/[^/]+\/[^/]+\//, // GitHub-hosted Windows (D:\a\repo\repo)
  /^\/__w\/[^/]+\/[^/]+\//, // jobs running in a `container:`
  /^\/github\/workspace\//, // Docker container actions
];

const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]+:/;
const FILE_SCHEME = /^file:(\/\/[^/]*)?/i;
const DRIVE_LETTER = /^[A-Za-z]:\//;

function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray "%" is a literal character in a path some tools do not escape
  }
}

/** True for a URI with a scheme other than `file:` (http, https…): no file in the checkout. */
export function isNonFileUri(uri: string): boolean {
  return URI_SCHEME.test(uri) && !FILE_SCHEME.test(uri);
}

/** `file:///a/b%20c` → `/a/b c`; `src\x.js` → `src/x.js`; `C:/x` → `/C:/x`. */
export function uriToPath(uri: string): string {
  const path = percentDecode(uri.replace(FILE_SCHEME, "")).replaceAll("\\", "/");
  return DRIVE_LETTER.test(path) ? `/${path}` : path;
}

/**
 * Collapses `.`, `a/..` and repeated slashes. A relative path that climbs out keeps its leading
 * `../`; an absolute one keeps its leading `/`. Empty (`.`, `a/..`) → undefined.
 */
export function normalisePath(path: string): string | undefined {
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment !== "..") out.push(segment);
    else if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (!absolute) out.push("..");
  }
  if (out.length === 0) return undefined;
  return (absolute ? "/" : "") + out.join("/");
}

/** Ensures a directory path ends in exactly one "/". */
export function asDirectory(path: string): string {
  return path.endsWith("/") ? path : `${path}/`;
}

/**
 * The part of an absolute path below a known checkout directory: a hosted runner's, or one of
 * `workingDirectories` (absolute, ending in "/"). Runner layouts go first because a scanner's
 * working directory may be a subdirectory of the checkout.
 */
export function stripCheckoutPrefix(
  absolutePath: string,
  workingDirectories: readonly string[],
): string | undefined {
  for (const prefix of CHECKOUT_PREFIXES) {
    const match = prefix.exec(absolutePath);
    if (match !== null) return absolutePath.slice(match[0].length);
  }
  const directory = workingDirectories.find((dir) => absolutePath.startsWith(dir));
  return directory === undefined ? undefined : absolutePath.slice(directory.length);
}

/** A path that could not be placed in the checkout (see resolveEscapedPaths). */
export function isEscapingPath(path: string): boolean {
  return path.startsWith("/") || path === ".." || path.startsWith("../");
}
