// Readiness: starting → ready → draining → stopped, forward only, observed by listeners.
import { describe, expect, it } from "vitest";
import { createLifecycle, type LifecycleState } from "../../src/ops/lifecycle.js";

describe("lifecycle", () => {
  it("is ready only between markReady and beginDraining", () => {
    const l = createLifecycle();
    expect([l.state, l.isReady()]).toEqual(["starting", false]);
    expect(l.markReady()).toBe(true);
    expect([l.state, l.isReady()]).toEqual(["ready", true]);
    expect(l.beginDraining()).toBe(true);
    expect([l.state, l.isReady()]).toEqual(["draining", false]);
    expect(l.markStopped()).toBe(true);
    expect([l.state, l.isReady()]).toEqual(["stopped", false]);
  });

  it("tells listeners every change with the previous state, until unsubscribed", () => {
    const l = createLifecycle();
    const seen: Array<[LifecycleState, LifecycleState]> = [];
    const off = l.onChange((to, from) => seen.push([to, from]));
    l.markReady();
    l.beginDraining();
    off();
    l.markStopped();
    expect(seen).toEqual([
      ["ready", "starting"],
      ["draining", "ready"],
    ]);
  });

  it("never goes back: startup finishing after a SIGTERM does not make the process ready", () => {
    const l = createLifecycle();
    l.beginDraining();
    expect(l.markReady()).toBe(false);
    expect(l.state).toBe("draining");
    expect(l.beginDraining()).toBe(false);
  });

  it("keeps notifying the other listeners when one throws", () => {
    const l = createLifecycle();
    const seen: LifecycleState[] = [];
    l.onChange(() => {
      throw new Error("bad listener");
    });
    l.onChange((to) => seen.push(to));
    expect(l.markReady()).toBe(true);
    expect(seen).toEqual(["ready"]);
  });
});
