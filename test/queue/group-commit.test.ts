import { describe, expect, it } from "@jest/globals";
import { groupCommit, MAX_GROUP } from "../../src/queue/group-commit.js";

function recorder(fail?: (items: number[]) => boolean) {
  const groups: number[][] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> | undefined;
  const submit = groupCommit(async (items: number[]) => {
    groups.push(items);
    if (gate) await gate;
    if (fail?.(items)) throw new Error("disk full");
    return items.map((item) => item * 10);
  });
  return {
    submit,
    groups,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => {
      gate = undefined;
      release();
    },
  };
}

describe("groupCommit", () => {
  it("commits what arrives in one turn together, each caller getting its own outcome", async () => {
    const r = recorder();
    expect(await Promise.all([1, 2, 3].map(r.submit))).toEqual([10, 20, 30]);
    expect(r.groups).toEqual([[1, 2, 3]]);
  });

  it("groups what arrives while a commit is being written into the next one", async () => {
    const r = recorder();
    r.hold();
    const first = r.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map(r.submit);
    r.release();
    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30, 40]);
    expect(r.groups).toEqual([[1], [2, 3, 4]]);
  });

  it("fails every caller of a failed group, and only those", async () => {
    const r = recorder((items) => items.includes(2));
    r.hold();
    const first = r.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const failing = [r.submit(2), r.submit(3)];
    r.release();
    expect(await first).toBe(10);
    for (const outcome of failing) await expect(outcome).rejects.toThrow("disk full");
    expect(await r.submit(4)).toBe(40);
  });

  it(`splits a burst into groups of at most ${MAX_GROUP}`, async () => {
    const r = recorder();
    await Promise.all(Array.from({ length: MAX_GROUP + 5 }, (_, i) => r.submit(i)));
    expect(r.groups.map((group) => group.length)).toEqual([MAX_GROUP, 5]);
  });
});
