import { describe, expect, it } from "vitest";
import { jitterMs, pollSlot } from "./poll-slot";

const feed = "https://example.org/feed.xml";
const t0 = new Date("2026-11-24T04:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("pollSlot", () => {
  it("is the same slot throughout one interval and the next one after it", () => {
    const { slot, startsAt } = pollSlot(feed, 5, t0);
    expect(pollSlot(feed, 5, startsAt).slot).toBe(slot);
    expect(pollSlot(feed, 5, at(startsAt.getTime() - t0.getTime() + 5 * 60_000 - 1)).slot).toBe(slot);
    expect(pollSlot(feed, 5, at(startsAt.getTime() - t0.getTime() + 5 * 60_000)).slot).not.toBe(slot);
    expect(pollSlot(feed, 5, at(startsAt.getTime() - t0.getTime() - 1)).slot).not.toBe(slot);
    expect(startsAt.getTime()).toBeLessThanOrEqual(t0.getTime());
    expect(slot).toMatch(/^5m-\d+$/);
  });

  it("spreads feeds over the interval, the same way every time", () => {
    const offsets = Array.from({ length: 50 }, (_, i) => jitterMs(`https://feed${i}.example/rss`, 300_000));
    expect(offsets.every((o) => o >= 0 && o < 300_000 && o % 1000 === 0)).toBe(true);
    expect(new Set(offsets).size).toBeGreaterThan(40);
    expect(jitterMs(feed, 300_000)).toBe(jitterMs(feed, 300_000));
  });

  it("names the interval, so changing it never reuses an old slot's id", () => {
    expect(pollSlot(feed, 5, t0).slot.startsWith("5m-")).toBe(true);
    expect(pollSlot(feed, 15, t0).slot.startsWith("15m-")).toBe(true);
  });
});
