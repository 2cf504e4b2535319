import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/open-store.js";
import type { CreateSuppressionInput } from "../../src/store/suppressions.js";

const T0 = new Date("2025-01-10T12:00:00Z");
const DAY = 86_400_000;

function input(overrides: Partial<CreateSuppressionInput> = {}): CreateSuppressionInput {
  return {
    repo: "octo/app",
    scope: { kind: "finding", fingerprint: "semgrep/rule/a.js/abc" },
    reason: "false-positive",
    justification: "input is escaped upstream",
    author: "alice",
    createdAt: T0,
    expiresAt: null,
    source: null,
    findingId: "GR-1234abcd",
    actor: "alice",
    commentUrl: null,
    ...overrides,
  };
}

export function suppressionsContract(current: () => Store): void {
  describe("suppressions", () => {
    it.each([
      { kind: "finding" as const, fingerprint: "f1" },
      { kind: "rule" as const, tool: "CodeQL", ruleId: "js/xss" },
      { kind: "path" as const, tool: "Semgrep", ruleId: "r1", pathGlob: "test/**" },
    ])("round-trips a $kind scope", async (scope) => {
      const created = await current().suppressions.create(input({ scope, repo: "Octo/App" }));
      expect(created).toEqual({
        id: expect.any(Number),
        repo: "octo/app",
        scope,
        reason: "false-positive",
        justification: "input is escaped upstream",
        author: "alice",
        createdAt: T0,
        expiresAt: null,
        source: null,
        status: "active",
        findingId: "GR-1234abcd",
      });
      expect(await current().suppressions.listForRepo("octo/app")).toEqual([created]);
    });

    it("is idempotent on source and audits the creation once", async () => {
      const { suppressions } = current();
      const url = "https://github.com/octo/app/pull/1#discussion_r1";
      const first = await suppressions.create(input({ source: url, commentUrl: url }));
      const again = await suppressions.create(
        input({ source: url, commentUrl: url, justification: "other" }),
      );
      expect(again).toEqual(first);
      const [a, b] = await Promise.all([
        suppressions.create(input({ source: "u2" })),
        suppressions.create(input({ source: "u2" })),
      ]);
      expect(a.id).toBe(b.id);
      expect(await suppressions.listForRepo("octo/app")).toHaveLength(2);
      const trail = await suppressions.audit(first.id);
      expect(trail).toEqual([
        {
          id: expect.any(Number),
          suppressionId: first.id,
          action: "created",
          actor: "alice",
          at: T0,
          commentUrl: url,
          details: expect.objectContaining({
            reason: "false-positive",
            justification: "input is escaped upstream",
          }),
        },
      ]);
    });

    it("keeps sources without a URL distinct", async () => {
      const { suppressions } = current();
      await suppressions.create(input());
      await suppressions.create(input());
      expect(await suppressions.listForRepo("octo/app")).toHaveLength(2);
    });

    it("lifts once, audits it, and drops it from the active list", async () => {
      const { suppressions } = current();
      const s = await suppressions.create(input());
      const lifted = await suppressions.lift(
        s.id,
        "bob",
        "https://c/2",
        new Date(T0.getTime() + DAY),
      );
      expect(lifted.status).toBe("lifted");
      expect((await suppressions.lift(s.id, "carol", null)).status).toBe("lifted");
      expect(await suppressions.listActive("octo/app", T0)).toEqual([]);
      const trail = await suppressions.audit(s.id);
      expect(trail.map((e) => [e.action, e.actor, e.commentUrl])).toEqual([
        ["created", "alice", null],
        ["lifted", "bob", "https://c/2"],
      ]);
      await expect(suppressions.lift(999_999, "bob", null)).rejects.toThrow(/does not exist/);
    });

    it("lists active ones of one repo that have not expired", async () => {
      const { suppressions } = current();
      const forever = await suppressions.create(input());
      const later = await suppressions.create(
        input({ expiresAt: new Date(T0.getTime() + 10 * DAY) }),
      );
      await suppressions.create(input({ repo: "octo/other" }));
      const active = await suppressions.listActive("octo/app", new Date(T0.getTime() + 5 * DAY));
      expect(active.map((s) => s.id)).toEqual([forever.id, later.id]);
      const afterExpiry = await suppressions.listActive(
        "OCTO/app",
        new Date(T0.getTime() + 10 * DAY),
      );
      expect(afterExpiry.map((s) => s.id)).toEqual([forever.id]);
    });

    it("marks lapsed ones expired with an audit record and returns those in the window", async () => {
      const { suppressions } = current();
      const at = (days: number) => new Date(T0.getTime() + days * DAY);
      const early = await suppressions.create(input({ expiresAt: at(1) }));
      const mid = await suppressions.create(input({ expiresAt: at(3) }));
      const future = await suppressions.create(input({ expiresAt: at(30) }));
      const expired = await suppressions.listExpiredSince("octo/app", at(2), at(5));
      expect(expired.map((s) => [s.id, s.status])).toEqual([[mid.id, "expired"]]);
      const all = await suppressions.listForRepo("octo/app");
      expect(all.map((s) => s.status)).toEqual(["expired", "expired", "active"]);
      expect((await suppressions.audit(early.id)).map((e) => [e.action, e.actor])).toEqual([
        ["created", "alice"],
        ["expired", "guardrail"],
      ]);
      // A second look does not audit again, and still reports what expired in its window.
      expect(
        (await suppressions.listExpiredSince("octo/app", at(0), at(6))).map((s) => s.id),
      ).toEqual([early.id, mid.id]);
      expect(await suppressions.audit(mid.id)).toHaveLength(2);
      expect((await suppressions.listActive("octo/app", at(6))).map((s) => s.id)).toEqual([
        future.id,
      ]);
    });
    it("keeps a request out of the active list until an approver approves it", async () => {
      const { suppressions } = current();
      const requested = await suppressions.create(input({ status: "requested" }));
      expect(requested.status).toBe("requested");
      expect(requested.decision).toBeUndefined();
      expect(await suppressions.listActive("octo/app", T0)).toEqual([]);
      expect((await suppressions.listRequested("octo/app")).map((s) => s.id)).toEqual([
        requested.id,
      ]);

      const at = new Date(T0.getTime() + DAY);
      const capped = new Date(T0.getTime() + 30 * DAY);
      const approval = {
        verdict: "approved" as const,
        actor: "champion",
        note: "reviewed with the team",
        commentUrl: "https://c/3",
        at,
        expiresAt: capped,
      };
      const approved = await suppressions.decide(requested.id, approval);
      expect(approved.changed).toBe(true);
      expect(approved.suppression).toMatchObject({
        status: "active",
        expiresAt: capped,
        decision: { by: "champion", at, note: "reviewed with the team" },
      });
      // Deciding twice (a second approver, a redelivery) changes nothing.
      const again = await suppressions.decide(requested.id, { ...approval, verdict: "denied" });
      expect(again).toEqual({ suppression: approved.suppression, changed: false });
      expect((await suppressions.listActive("octo/app", at)).map((s) => s.id)).toEqual([
        requested.id,
      ]);
      expect(await suppressions.listRequested("octo/app")).toEqual([]);
      expect(
        (await suppressions.audit(requested.id)).map((e) => [e.action, e.actor, e.commentUrl]),
      ).toEqual([
        ["requested", "alice", null],
        ["approved", "champion", "https://c/3"],
      ]);
    });

    it("denies a request with its reason and never applies it", async () => {
      const { suppressions } = current();
      const requested = await suppressions.create(input({ status: "requested" }));
      const denied = await suppressions.decide(requested.id, {
        verdict: "denied",
        actor: "champion",
        note: "this is exploitable",
        commentUrl: null,
        at: T0,
      });
      expect(denied.suppression).toMatchObject({
        status: "denied",
        expiresAt: null,
        decision: { by: "champion", at: T0, note: "this is exploitable" },
      });
      expect(await suppressions.listActive("octo/app", T0)).toEqual([]);
      expect(await suppressions.listRequested("octo/app")).toEqual([]);
      const [, entry] = await suppressions.audit(requested.id);
      expect(entry).toMatchObject({ action: "denied", details: { note: "this is exploitable" } });
      const unknown = {
        verdict: "denied" as const,
        actor: "x",
        note: null,
        commentUrl: null,
        at: T0,
      };
      await expect(suppressions.decide(999_999, unknown)).rejects.toThrow(/does not exist/);
    });

    it("lets a requester withdraw a request by lifting it", async () => {
      const { suppressions } = current();
      const requested = await suppressions.create(input({ status: "requested" }));
      expect((await suppressions.lift(requested.id, "alice", null)).status).toBe("lifted");
      expect(await suppressions.listRequested("octo/app")).toEqual([]);
    });
  });
}
