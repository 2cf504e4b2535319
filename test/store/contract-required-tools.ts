import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/open-store.js";

const OPEN = {
  repo: "Acme/Shop",
  headSha: "a".repeat(40),
  prNumber: 7,
  installationId: 77,
  checkRunId: 5150,
  required: ["CodeQL", "Trivy"],
  workflowChanges: [".github/workflows/scan.yml"],
  deadlineAt: new Date("2026-03-01T10:30:00Z"),
};

export function requiredToolsContract(current: () => Store): void {
  describe("required tool checks", () => {
    it("opens a head, ticks off tools case-insensitively without duplicates, and reads back", async () => {
      const { requiredTools } = current();
      expect(await requiredTools.addSeen("acme/shop", OPEN.headSha, ["CodeQL"])).toBeNull();
      await requiredTools.open(OPEN);
      expect((await requiredTools.addSeen("acme/shop", OPEN.headSha, ["codeql"]))?.seen).toEqual([
        "codeql",
      ]);
      const after = await requiredTools.addSeen("ACME/shop", OPEN.headSha, [
        "CodeQL",
        "Semgrep OSS",
        "Semgrep OSS",
      ]);
      expect(after?.seen).toEqual(["codeql", "Semgrep OSS"]);
      expect(await requiredTools.get("acme/shop", OPEN.headSha)).toEqual({
        ...OPEN,
        repo: "acme/shop",
        seen: ["codeql", "Semgrep OSS"],
        status: "in_progress",
        conclusion: null,
      });
    });

    it("completes once, whoever races for it; reopening waits again and keeps what was seen", async () => {
      const { requiredTools } = current();
      await requiredTools.open(OPEN);
      await requiredTools.addSeen("acme/shop", OPEN.headSha, ["Trivy"]);
      const racing = await Promise.all(
        Array.from({ length: 6 }, () =>
          requiredTools.complete("acme/shop", OPEN.headSha, "failure"),
        ),
      );
      expect(racing.filter(Boolean)).toHaveLength(1);
      expect(await requiredTools.get("acme/shop", OPEN.headSha)).toMatchObject({
        status: "completed",
        conclusion: "failure",
      });
      // A scanner whose analysis was still queued when the last run completed revises it, once.
      expect(await requiredTools.complete("acme/shop", OPEN.headSha, "success")).toBe(true);
      expect(await requiredTools.complete("acme/shop", OPEN.headSha, "success")).toBe(false);
      expect(await requiredTools.complete("acme/shop", OPEN.headSha, "failure")).toBe(false);
      expect(await requiredTools.get("acme/shop", OPEN.headSha)).toMatchObject({
        conclusion: "success",
      });
      const reopened = await requiredTools.open({ ...OPEN, checkRunId: 5151 });
      expect(reopened).toMatchObject({
        status: "in_progress",
        conclusion: null,
        seen: ["Trivy"],
        checkRunId: 5151,
      });
    });

    it("keeps every concurrent analysis's tools", async () => {
      const { requiredTools } = current();
      await requiredTools.open(OPEN);
      await Promise.all(
        ["CodeQL", "Trivy", "Semgrep", "Grype"].map((tool) =>
          requiredTools.addSeen("acme/shop", OPEN.headSha, [tool]),
        ),
      );
      const record = await requiredTools.get("acme/shop", OPEN.headSha);
      expect([...(record?.seen ?? [])].sort()).toEqual(["CodeQL", "Grype", "Semgrep", "Trivy"]);
    });
  });
}
