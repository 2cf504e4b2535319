import { describe, expect, it } from "@jest/globals";
import { buildDiffMap, type PullRequestFile } from "../../src/diff/build-diff-map.js";

const files: PullRequestFile[] = [
  { filename: "src/app.ts", status: "modified", patch: "@@ -1,2 +1,3 @@\n a\n+b\n c" },
  { filename: "src/new.ts", status: "added", patch: "@@ -0,0 +1,2 @@\n+x\n+y" },
  { filename: "src/old.ts", status: "removed", patch: "@@ -1,2 +0,0 @@\n-x\n-y" },
  {
    filename: "lib/moved.ts",
    previous_filename: "src/moved.ts",
    status: "renamed",
    patch: "@@ -4,1 +4,2 @@\n k\n+l",
  },
  { filename: "assets/logo.png", status: "added" },
  { filename: "weird.txt", status: "something-new", patch: "@@ -1 +1 @@\n-a\n+b" },
];

describe("buildDiffMap", () => {
  const diff = buildDiffMap(files);

  it("keys every file by its new path", () => {
    expect([...diff.keys()]).toEqual(files.map((f) => f.filename));
  });

  it.each([
    { path: "src/app.ts", status: "modified", hasPatch: true, added: [2], context: [1, 3] },
    { path: "src/new.ts", status: "added", hasPatch: true, added: [1, 2], context: [] },
    { path: "src/old.ts", status: "removed", hasPatch: true, added: [], context: [] },
    { path: "lib/moved.ts", status: "renamed", hasPatch: true, added: [5], context: [4] },
    { path: "assets/logo.png", status: "added", hasPatch: false, added: [], context: [] },
    { path: "weird.txt", status: "changed", hasPatch: true, added: [1], context: [] },
  ])("$path: $status, patch $hasPatch", ({ path, status, hasPatch, added, context }) => {
    const file = diff.get(path);
    expect(file).toBeDefined();
    expect(file?.status).toBe(status);
    expect(file?.hasPatch).toBe(hasPatch);
    expect([...(file?.added ?? [])]).toEqual(added);
    expect([...(file?.context ?? [])]).toEqual(context);
  });

  it("keeps the previous path of a renamed file and none for others", () => {
    expect(diff.get("lib/moved.ts")?.previousPath).toBe("src/moved.ts");
    expect(diff.get("src/moved.ts")).toBeUndefined();
    expect(diff.get("src/app.ts")).not.toHaveProperty("previousPath");
  });

  it("gives a file without patch no hunks", () => {
    expect(diff.get("assets/logo.png")?.hunks).toEqual([]);
    expect(diff.get("src/old.ts")?.hunks).toEqual([]);
  });
});
