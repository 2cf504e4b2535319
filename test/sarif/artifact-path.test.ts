import { describe, expect, it } from "@jest/globals";
import type { Run } from "sarif";
import { pathContext, resolveArtifactPath, resolveUri } from "../../src/sarif/artifact-path.js";
import { normalisePath, stripCheckoutPrefix, uriToPath } from "../../src/sarif/repo-path.js";

const run = (extra: Record<string, unknown> = {}): Run => ({
  tool: { driver: { name: "S" } },
  ...extra,
});

describe("normalisePath", () => {
  it.each([
    ["src/a.js", "src/a.js"],
    ["./src/./a.js", "src/a.js"],
    ["src//lib/../a.js", "src/a.js"],
    ["../../path/main.tf", "../../path/main.tf"],
    ["a/../../x.tf", "../x.tf"],
    ["/abs/x/../y.js", "/abs/y.js"],
    ["/../etc/passwd", "/etc/passwd"],
    [".", undefined],
    ["a/..", undefined],
  ])("%s → %s", (path, expected) => {
    expect(normalisePath(path)).toBe(expected);
  });
});

describe("uriToPath", () => {
  it.each([
    ["file:///home/runner/work/r/r/a.js", "/home/runner/work/r/r/a.js"],
    ["file://host/share/a.js", "/share/a.js"],
    ["src/my%20file.js", "src/my file.js"],
    ["src/100%.js", "src/100%.js"],
    ["src\\win\\a.cs", "src/win/a.cs"],
    ["file:///C:/src/a.cs", "/C:/src/a.cs"],
    ["C:\\src\\a.cs", "/C:/src/a.cs"],
  ])("%s → %s", (uri, expected) => {
    expect(uriToPath(uri)).toBe(expected);
  });
});

describe("stripCheckoutPrefix", () => {
  it.each([
    ["/home/runner/work/repo/repo/src/a.js", [], "src/a.js"],
    ["/home/runner/work/repo/checkout/src/a.js", [], "src/a.js"],
    ["/Users/runner/work/r/r/a.js", [], "a.js"],
    ["/D:/a/r/r/src/a.cs", [], "src/a.cs"],
    ["/github/workspace/infra/main.tf", [], "infra/main.tf"],
    ["/__w/r/r/x.py", [], "x.py"],
    ["/srv/ci/build/x.py", ["/srv/ci/build/"], "x.py"],
    ["/srv/ci/build/x.py", [], undefined],
    ["/home/runner/a.js", [], undefined],
  ])("%s (working dirs %j) → %s", (path, dirs, expected) => {
    expect(stripCheckoutPrefix(path, dirs)).toBe(expected);
  });
});

describe("resolveUri", () => {
  const bases = {
    originalUriBaseIds: {
      ROOT: { uri: "file:///" },
      SLASH: { uri: "/" },
      CHECKOUT: { uri: "file:///home/runner/work/r/r/" },
      SUB: { uri: "packages/web/", uriBaseId: "CHECKOUT" },
      SUBSUB: { uri: "src/", uriBaseId: "SUB" },
      LAPTOP: { uri: "file:///Users/me/project/" },
      NOURI: { description: { text: "no uri" } },
      LOOP_A: { uri: "a/", uriBaseId: "LOOP_B" },
      LOOP_B: { uri: "b/", uriBaseId: "LOOP_A" },
      WEB: { uri: "https://example.com/" },
    },
  };
  it.each([
    ["a.js", undefined, "a.js"],
    ["a.js", "%SRCROOT%", "a.js"], // undefined base = checkout root
    ["a.js", "ROOT", "a.js"],
    ["node-app/package-lock.json", "SLASH", "node-app/package-lock.json"],
    ["a.js", "CHECKOUT", "a.js"],
    ["a.js", "SUB", "packages/web/a.js"],
    ["a.js", "SUBSUB", "packages/web/src/a.js"],
    ["modules/main.tf", "LAPTOP", "modules/main.tf"],
    ["a.js", "NOURI", "a.js"],
    ["x.js", "WEB", "x.js"],
    ["../../path/main.tf", undefined, "../../path/main.tf"],
    ["file:///home/runner/work/r/r/src/a.js", undefined, "src/a.js"],
    ["file:///github/workspace/src/a.js", "SUB", "src/a.js"],
    ["file:///Users/me/project/a.js", undefined, "/Users/me/project/a.js"],
    ["/opt/app/a.js", undefined, "/opt/app/a.js"],
    ["https://example.com/a.js", undefined, undefined],
  ])("%s based on %s → %s", (uri, base, expected) => {
    expect(resolveUri(pathContext(run(bases)), uri, base)).toBe(expected);
  });

  it("survives a uriBaseId cycle", () => {
    const path = resolveUri(pathContext(run(bases)), "x.js", "LOOP_A");
    expect(path?.endsWith("x.js")).toBe(true);
  });

  it("strips the invocation's working directory", () => {
    const context = pathContext(
      run({
        invocations: [
          { executionSuccessful: true, workingDirectory: { uri: "file:///srv/build" } },
        ],
      }),
    );
    expect(resolveUri(context, "file:///srv/build/lib/a.py", undefined)).toBe("lib/a.py");
    expect(resolveUri(context, "file:///srv/other/a.py", undefined)).toBe("/srv/other/a.py");
  });
});

describe("resolveArtifactPath", () => {
  const context = pathContext(
    run({
      originalUriBaseIds: { SRC: { uri: "src/" } },
      artifacts: [{ location: { uri: "lib/a.js", uriBaseId: "SRC" } }, { location: { index: 0 } }],
    }),
  );
  it.each([
    [{ uri: "b.js" }, "b.js"],
    [{ uri: "b.js", uriBaseId: "SRC" }, "src/b.js"],
    [{ index: 0 }, "src/lib/a.js"],
    [{ uri: "own.js", index: 0 }, "own.js"],
    [{ index: 1 }, undefined],
    [{ index: 7 }, undefined],
    [{ index: -1 }, undefined],
    [{}, undefined],
    [null, undefined],
    [{ uri: "x".repeat(10_000) }, undefined],
  ])("%j → %s", (location, expected) => {
    expect(resolveArtifactPath(context, location)).toBe(expected);
  });
});
