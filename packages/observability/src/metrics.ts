import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Jobs per state per queue name, as `queueDepths` in @zw/queue returns them. */
export type DepthReader = () => Promise<Record<string, Record<string, number>>>;

/** Every metric the services report, on one registry served at GET /metrics. */
export interface Metrics {
  registry: Registry;
  queueDepth: Gauge<"queue" | "state">;
  jobsDone: Counter<"queue">;
  jobsFailed: Counter<"queue">;
  polls: Counter<"outcome">;
  items: Counter<"kind">;
  figures: Counter<"metric">;
  events: Counter<"type">;
  alertsSent: Counter<"type">;
  fetchLatency: Histogram<"outcome">;
  /** Adds a source of queue depths, read on every scrape. */
  trackQueueDepths(read: DepthReader): void;
}

export type PollOutcome = "ok" | "not_modified" | "error";
export type ItemKind = "new" | "duplicate";

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "zw_" });
  const readers: DepthReader[] = [];
  const registers = [registry];
  const queueDepth = new Gauge({
    name: "zw_queue_depth",
    help: "Jobs in each queue by state",
    labelNames: ["queue", "state"] as const,
    registers,
    async collect() {
      for (const read of readers) {
        for (const [queue, states] of Object.entries(await read())) {
          for (const [state, count] of Object.entries(states)) this.set({ queue, state }, count);
        }
      }
    },
  });
  return {
    registry,
    queueDepth,
    jobsDone: new Counter({
      name: "zw_jobs_done_total",
      help: "Jobs completed",
      labelNames: ["queue"] as const,
      registers,
    }),
    jobsFailed: new Counter({
      name: "zw_jobs_failed_total",
      help: "Jobs failed for good (no attempts left or invalid)",
      labelNames: ["queue"] as const,
      registers,
    }),
    polls: new Counter({
      name: "zw_feed_polls_total",
      help: "Feed polls by outcome: ok, not_modified, error",
      labelNames: ["outcome"] as const,
      registers,
    }),
    items: new Counter({
      name: "zw_feed_items_total",
      help: "Feed items matching the keywords, new or already seen",
      labelNames: ["kind"] as const,
      registers,
    }),
    figures: new Counter({
      name: "zw_figures_total",
      help: "Figures extracted, by metric",
      labelNames: ["metric"] as const,
      registers,
    }),
    events: new Counter({
      name: "zw_events_total",
      help: "Events emitted by the estimates engine, by type",
      labelNames: ["type"] as const,
      registers,
    }),
    alertsSent: new Counter({
      name: "zw_alerts_sent_total",
      help: "Alerts delivered, by alert type",
      labelNames: ["type"] as const,
      registers,
    }),
    fetchLatency: new Histogram({
      name: "zw_feed_fetch_seconds",
      help: "Feed fetch time by outcome",
      labelNames: ["outcome"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20],
      registers,
    }),
    trackQueueDepths(read) {
      readers.push(read);
    },
  };
}
