import { describe, expect, it } from "@jest/globals";
import { splitGitDiff } from "../../src/cli/git-diff.js";
import { unquoteGitPath } from "../../src/cli/git-path.js";
import type { PullRequestFile } from "../../src/diff/build-diff-map.js";

// Real `git diff --no-color --unified=3 --find-renames --src-prefix=a/ --dst-prefix=b/` output.
const ADDED = `diff --git a/added.txt b/added.txt
new file mode 100644
index 0000000..3e75765
--- /dev/null
+++ b/added.txt
@@ -0,0 +1 @@
+new
`;
const DELETED = `diff --git a/gone.txt b/gone.txt
deleted file mode 100644
index 587be6b..0000000
--- a/gone.txt
+++ /dev/null
@@ -1 +0,0 @@
-x
`;
const BINARY = `diff --git a/img.bin b/img.bin
index 88768ef..3e3315e 100644
Binary files a/img.bin and b/img.bin differ
`;
const BINARY_DELETED = `diff --git a/img.bin b/img.bin
deleted file mode 100644
index 88768ef..0000000
Binary files a/img.bin and /dev/null differ
`;
const MODIFIED = `diff --git a/keep.txt b/keep.txt
index de98044..a7bc997 100644
--- a/keep.txt
+++ b/keep.txt
@@ -1,3 +1,4 @@
 a
-b
+B
 c
+d
`;
const MODE_ONLY = `diff --git a/mode.sh b/mode.sh
old mode 100644
new mode 100755
`;
const RENAMED = `diff --git a/old.txt b/new.txt
similarity index 85%
rename from old.txt
rename to new.txt
index b2f931a..b566061 100644
--- a/old.txt
+++ b/new.txt
@@ -3,3 +3,4 @@ two
 three
 four
 five
+six
`;
const PURE_RENAME = `diff --git a/src/a.js b/lib/a.js
similarity index 100%
rename from src/a.js
rename to lib/a.js
`;
const QUOTED = `diff --git "a/q\\"uote.txt" "b/q\\"uote.txt"
index bca70f3..d169a2f 100644
--- "a/q\\"uote.txt"
+++ "b/q\\"uote.txt"
@@ -1 +1 @@
-q
+q2
`;
const SPACE = `diff --git a/sp ace.txt b/sp ace.txt
index 45b983b..37d4e6c 100644
--- a/sp ace.txt\t
+++ b/sp ace.txt\t
@@ -1 +1 @@
-hi
+hi there
`;
// A hunk line whose content looks like a file header must stay in the patch.
const TRICKY_CONTENT = `diff --git a/notes.md b/notes.md
index 1..2 100644
--- a/notes.md
+++ b/notes.md
@@ -1 +1,2 @@
 text
+diff --git is how it starts
`;

describe("splitGitDiff", () => {
  it.each<[string, string, PullRequestFile]>([
    ["added", ADDED, { filename: "added.txt", status: "added", patch: "@@ -0,0 +1 @@\n+new" }],
    ["deleted", DELETED, { filename: "gone.txt", status: "removed", patch: "@@ -1 +0,0 @@\n-x" }],
    ["binary", BINARY, { filename: "img.bin", status: "modified" }],
    ["binary deleted", BINARY_DELETED, { filename: "img.bin", status: "removed" }],
    [
      "modified",
      MODIFIED,
      { filename: "keep.txt", status: "modified", patch: "@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d" },
    ],
    ["mode only", MODE_ONLY, { filename: "mode.sh", status: "modified" }],
    [
      "renamed and changed",
      RENAMED,
      {
        filename: "new.txt",
        previous_filename: "old.txt",
        status: "renamed",
        patch: "@@ -3,3 +3,4 @@ two\n three\n four\n five\n+six",
      },
    ],
    [
      "pure rename",
      PURE_RENAME,
      { filename: "lib/a.js", previous_filename: "src/a.js", status: "renamed" },
    ],
    [
      "quoted path",
      QUOTED,
      { filename: 'q"uote.txt', status: "modified", patch: "@@ -1 +1 @@\n-q\n+q2" },
    ],
    [
      "path with a space",
      SPACE,
      { filename: "sp ace.txt", status: "modified", patch: "@@ -1 +1 @@\n-hi\n+hi there" },
    ],
    [
      "content that looks like a header",
      TRICKY_CONTENT,
      {
        filename: "notes.md",
        status: "modified",
        patch: "@@ -1 +1,2 @@\n text\n+diff --git is how it starts",
      },
    ],
  ])("%s", (_name, diff, expected) => {
    expect(splitGitDiff(diff)).toEqual([expected]);
  });

  it("splits a diff of several files, in order", () => {
    const files = splitGitDiff(ADDED + DELETED + BINARY + MODIFIED + RENAMED);
    expect(files.map((f) => [f.filename, f.status])).toEqual([
      ["added.txt", "added"],
      ["gone.txt", "removed"],
      ["img.bin", "modified"],
      ["keep.txt", "modified"],
      ["new.txt", "renamed"],
    ]);
  });

  it("reads an empty diff as no files", () => {
    expect(splitGitDiff("")).toEqual([]);
  });
});

describe("unquoteGitPath", () => {
  it.each([
    ["plain.txt", "plain.txt"],
    ['"a/q\\"uote.txt"', 'a/q"uote.txt'],
    ['"a/tab\\there"', "a/tab\there"],
    ['"a/back\\\\slash"', "a/back\\slash"],
    ['"a/caf\\303\\251.txt"', "a/café.txt"],
    ['"a/😀\\"x"', 'a/😀"x'],
  ])("%s → %s", (quoted, plain) => {
    expect(unquoteGitPath(quoted)).toBe(plain);
  });
});
