import type { Location } from "../findings/finding.js";

/** The position fields of a check run annotation. */
export interface AnnotationLine {
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
}

/** File-level findings have no line; GitHub requires one, and the file's top is the honest spot. */
const FILE_LEVEL_LINE = 1;

/**
 * Where a check run annotation goes. GitHub rejects columns on an annotation that spans several
 * lines, so they are kept only on a single line (and only when both are known and ordered).
 */
export function annotationLine(location: Location): AnnotationLine {
  const region = location.region;
  if (region === undefined) return { start_line: FILE_LEVEL_LINE, end_line: FILE_LEVEL_LINE };
  const start = region.startLine;
  const end = Math.max(region.endLine, start);
  const result: AnnotationLine = { start_line: start, end_line: end };
  const { startColumn, endColumn } = region;
  if (start === end && startColumn !== undefined && endColumn !== undefined) {
    if (endColumn >= startColumn) {
      result.start_column = startColumn;
      result.end_column = endColumn;
    }
  }
  return result;
}
