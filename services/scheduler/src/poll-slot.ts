import { createHash } from "node:crypto";

export interface PollSlot {
  /** Names the slot in job ids: the interval and the slot's index since the epoch. */
  slot: string;
  startsAt: Date;
}

/**
 * The time slot a feed is polled in at `now`: the feed's interval, shifted by a per-feed offset
 * derived from its URL, so feeds spread over the interval instead of all polling at :00, and every
 * scheduler computes the same slot for the same feed and time.
 */
export function pollSlot(feedUrl: string, intervalMinutes: number, now: Date): PollSlot {
  const intervalMs = intervalMinutes * 60_000;
  const offsetMs = jitterMs(feedUrl, intervalMs);
  const index = Math.floor((now.getTime() - offsetMs) / intervalMs);
  return { slot: `${intervalMinutes}m-${index}`, startsAt: new Date(index * intervalMs + offsetMs) };
}

/** A whole-second offset in [0, intervalMs), the same for the same URL everywhere. */
export function jitterMs(feedUrl: string, intervalMs: number): number {
  const fraction = createHash("sha1").update(feedUrl).digest().readUInt32BE(0) / 2 ** 32;
  return Math.floor((fraction * intervalMs) / 1000) * 1000;
}
