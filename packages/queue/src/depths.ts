import type { Queue } from "bullmq";

export const DEPTH_STATES = ["waiting", "active", "delayed", "failed", "completed"] as const;
export type DepthState = (typeof DEPTH_STATES)[number];
export type QueueDepths = Record<string, Record<DepthState, number>>;

/** Jobs per state for each queue, keyed by queue name, for `zw status` and the metrics gauge. */
export async function queueDepths(queues: Queue[]): Promise<QueueDepths> {
  const entries = await Promise.all(
    queues.map(async (queue) => {
      const counts = await queue.getJobCounts(...DEPTH_STATES);
      const depths = Object.fromEntries(DEPTH_STATES.map((state) => [state, counts[state] ?? 0]));
      return [queue.name, depths as Record<DepthState, number>] as const;
    }),
  );
  return Object.fromEntries(entries);
}
