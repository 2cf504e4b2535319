/**
 * The 10 edit kinds of the identity benchmark. Each takes the file's lines and the findings'
 * lines (1-based) and returns the edited text, its path, and where each finding is now
 * (`origin`: which original finding it is; a duplicated block has two with the same origin).
 */
const NEW_PATH = (path) => path.replace(/([^/]+)\.js$/, "renamed/$1-moved.js");

function rows(lines) {
  return lines.map((text, i) => ({ text, line: i + 1 }));
}

function result(edited, findingLines, path, eol = "\n") {
  const findings = [];
  edited.forEach((row, i) => {
    const origin = findingLines.indexOf(row.line);
    if (origin !== -1 && row.flagged !== false) findings.push({ line: i + 1, origin });
  });
  return { text: edited.map((r) => r.text).join(eol), path, findings };
}

/** Each finding's nearby lines, `from`..`to` relative to it, changed the way a person edits code. */
function editAfter(from, to) {
  return (lines, findingLines, path) => {
    const touched = new Set(findingLines.flatMap((f) => range(f + from, f + to)));
    const edited = rows(lines).map((r) => (touched.has(r.line) ? { ...r, text: edit(r.text) } : r));
    return result(edited, findingLines, path);
  };
}

function edit(text) {
  const code = text.replace(/\b([A-Za-z_$][\w$]*)\b/, "$1Edited");
  return code === text ? `${text}doSomething();` : code;
}

function range(a, b) {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** The block a finding sits in, for moving and copying: from 1 line above to 4 below. */
const BLOCK = [-1, 4];

export const EDITS = [
  {
    name: "insert above",
    apply(lines, findingLines, path) {
      const edited = rows(lines).flatMap((r) =>
        findingLines.includes(r.line + 3)
          ? [{ text: "const inserted = compute(value);", line: 0 }, { text: "", line: 0 }, r]
          : [r],
      );
      return result(edited, findingLines, path);
    },
  },
  {
    name: "delete above",
    apply(lines, findingLines, path) {
      const gone = new Set(findingLines.flatMap((f) => [f - 3, f - 2]));
      return result(
        rows(lines).filter((r) => !gone.has(r.line)),
        findingLines,
        path,
      );
    },
  },
  {
    name: "re-indent",
    apply(lines, findingLines, path) {
      const edited = rows(lines).map((r) => ({ ...r, text: r.text === "" ? "" : `    ${r.text}` }));
      return result(edited, findingLines, path);
    },
  },
  {
    name: "CRLF",
    apply: (lines, findingLines, path) => result(rows(lines), findingLines, path, "\r\n"),
  },
  { name: "edit 1 line after", apply: editAfter(1, 1) },
  { name: "edit 3 lines after", apply: editAfter(1, 3) },
  { name: "edit 10+ lines after", apply: editAfter(1, 12) },
  {
    name: "rename",
    apply: (lines, findingLines, path) => result(rows(lines), findingLines, NEW_PATH(path)),
  },
  {
    name: "move block",
    // The blocks of the first and last findings trade places with the file's first lines.
    apply(lines, findingLines, path) {
      const moved = [findingLines[0], findingLines[findingLines.length - 1]];
      const inBlock = (line) => moved.some((f) => line >= f + BLOCK[0] && line <= f + BLOCK[1]);
      const all = rows(lines);
      const blocks = all.filter((r) => inBlock(r.line));
      const rest = all.filter((r) => !inBlock(r.line));
      const at = Math.floor(rest.length / 2);
      return result([...rest.slice(0, at), ...blocks, ...rest.slice(at)], findingLines, path);
    },
  },
  {
    name: "duplicate block",
    // Copy-paste: each finding's block repeated right below itself; the copy is flagged too.
    apply(lines, findingLines, path) {
      const all = rows(lines);
      const edited = all.flatMap((r) => {
        const f = findingLines.find((line) => line + BLOCK[1] === r.line);
        if (f === undefined) return [r];
        return [r, ...all.filter((x) => x.line >= f + BLOCK[0] && x.line <= f + BLOCK[1])];
      });
      return result(edited, findingLines, path);
    },
  },
];
