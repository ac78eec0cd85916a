import type { Queue, Worker } from "bullmq";
import type { Connection } from "./queues";

export interface CloseAllOptions {
  /** Everything is closed within this time, finished or not. */
  deadlineMs: number;
  /** Connections this caller owns; quit last (BullMQ never closes a connection it was given). */
  connections?: Connection[];
}

export interface CloseAllResult {
  /** True when in-flight jobs did not finish in time and were left to be released. */
  forced: boolean;
}

/**
 * Graceful shutdown under a deadline: workers stop taking jobs and in-flight jobs may finish;
 * past the deadline they are cancelled and the workers closed by force, leaving those jobs to
 * BullMQ's stalled check, which hands them to another worker once their lock expires.
 */
export async function closeAll(
  workers: Worker[],
  queues: Queue[],
  options: CloseAllOptions,
): Promise<CloseAllResult> {
  const deadline = Date.now() + options.deadlineMs;
  const left = () => Math.max(0, deadline - Date.now());
  // pause() stops fetching and waits for active jobs. close() alone could wait forever and,
  // once started, cannot be turned into close(true).
  const drained = await within(Promise.all(workers.map((worker) => worker.pause())), left());
  if (!drained) for (const worker of workers) worker.cancelAllJobs("shutting down");
  await within(Promise.all(workers.map((worker) => worker.close(!drained))), left());
  await within(Promise.all(queues.map((queue) => queue.close())), left());
  for (const connection of options.connections ?? []) {
    const quit = await within(connection.quit(), left());
    if (!quit) connection.disconnect();
  }
  return { forced: !drained };
}

/** Resolves true when `work` settled within `ms`, false otherwise; never rejects. */
export async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((ok) => {
    timer = setTimeout(() => ok(false), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `shutdown` once on the first SIGINT or SIGTERM, then exits; a second signal exits at once.
 * Returns a function that removes the handlers.
 */
export function onShutdownSignals(shutdown: (signal: NodeJS.Signals) => Promise<void>): () => void {
  let started = false;
  const handle = (signal: NodeJS.Signals) => {
    if (started) process.exit(130);
    started = true;
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handle);
  process.on("SIGTERM", handle);
  return () => {
    process.off("SIGINT", handle);
    process.off("SIGTERM", handle);
  };
}
