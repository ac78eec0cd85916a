import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Feed, FeedSchema } from "@zw/core";
import { type FeedFault, type FeedServer, type PublishedArticle, startFeedServer } from "@zw/feed-server";
import { createLogger } from "@zw/observability";
import { createQueues } from "@zw/queue";
import { connectRedis } from "@zw/redis";
import { startScheduler } from "@zw/scheduler";
import { type Benchmark, fmt, load, printTable, startBenchRedis, until } from "./measure";
import { benchConfig } from "./pipeline";

/**
 * One scheduling cycle over thousands of feeds on a local feed server: the real scheduler's tick
 * enqueues a poll per due feed, the real fetcher (services/fetcher/src/main.ts, in a child process
 * so its CPU and memory are its own) polls them. A first, cold cycle fetches every feed; the
 * measured warm cycle finds most unchanged (304), some with new items, some failing.
 */

/** config.concurrency.fetcher: the default. */
const FETCHER_CONCURRENCY = 16;
const INTERVAL_MINUTES = 5;

const FAULTS: FeedFault[] = [
  { kind: "status", status: 500 },
  { kind: "status", status: 404 },
  { kind: "status", status: 503 },
  { kind: "reset" },
  { kind: "redirect-loop" },
  { kind: "body", contentType: "text/html", body: "<html><body>Wartungsarbeiten</body></html>" },
];

const TOPICS = [
  "Bundestag debattiert über den Haushalt",
  "Storm warning for the North Sea coast",
  "Nordkorea testet erneut eine Rakete",
  "Central bank holds rates steady",
  "North Korean troops seen near Kursk, officials say",
  "Bahnstreik: Was Pendler wissen müssen",
];

/** What a feed does in the warm cycle, by its index: 5 % new items, 5 % failing, the rest unchanged. */
const roleOf = (i: number) => (i % 20 === 0 ? "new" : i % 20 === 1 ? "failing" : "unchanged");

function item(server: FeedServer, feed: number, n: number, publishedAt: string): PublishedArticle {
  const title = TOPICS[(feed + n) % TOPICS.length]!;
  return {
    path: `/articles/${feed}-${n}`,
    title,
    publishedAt,
    paragraphs: [`${title}. Nach Angaben von Beobachtern sind rund ${1000 + feed} Menschen betroffen.`],
    link: `${server.url}/articles/${feed}-${n}`,
  };
}

interface ProcessSample {
  cpuSeconds: number;
  rssMb: number;
  peakRssMb: number;
}

/** CPU and memory of a child process, from /proc (Linux). */
function sampleProcess(pid: number): ProcessSample {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(status.match(new RegExp(`${name}:\\s+(\\d+)`))?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, rssMb: kb("VmRSS") / 1024, peakRssMb: kb("VmHWM") / 1024 };
}

interface CycleResult {
  name: string;
  polls: number;
  tickSeconds: number;
  seconds: number;
  statuses: string;
  articles: number;
  cpuSeconds: number;
  peakRssMb: number;
}

export const pollingBench: Benchmark = {
  name: "polling",
  about: "one scheduling cycle over 10,000 feeds (304s, new items, failures): cycle time, CPU, peak RSS",
  async run({ quick }) {
    const count = quick ? 2_000 : 10_000;
    const server = await startBenchRedis();
    const feeds = await startFeedServer();
    const dir = mkdtempSync(join(tmpdir(), "zw-bench-poll-"));
    const connection = connectRedis(server.url, "zw-bench-scheduler");
    let fetcher: ChildProcess | null = null;
    try {
      const start = new Date(Date.UTC(2025, 5, 1, 8)).toISOString();
      const list: Feed[] = [];
      for (let i = 0; i < count; i++) {
        const path = `/feeds/${i}.xml`;
        feeds.setFeed(
          path,
          `Feed ${i}`,
          [0, 1, 2].map((n) => item(feeds, i, n, start)),
        );
        list.push(
          FeedSchema.parse({ url: feeds.url + path, name: `Feed ${i}`, lang: "de", fullText: false }),
        );
      }
      const config = { ...benchConfig({ extractor: 4, notifier: 1 }), allowPrivateFeeds: true };
      const configFile = join(dir, "zw.config.json");
      writeFileSync(
        configFile,
        JSON.stringify({
          feeds: [],
          allowPrivateFeeds: true,
          httpPort: 0,
          logLevel: "warn",
          pollIntervalMinutes: INTERVAL_MINUTES,
          concurrency: { fetcher: FETCHER_CONCURRENCY },
        }),
      );
      const logger = createLogger({ logLevel: "warn" }, { name: "bench-scheduler" });
      const scheduler = startScheduler({
        config: { ...config, pollIntervalMinutes: INTERVAL_MINUTES },
        connection,
        logger,
        listFeeds: async () => list,
        cron: false,
      });
      const queues = createQueues(connection);
      const main = fileURLToPath(new URL("../services/fetcher/src/main.ts", import.meta.url));
      fetcher = spawn(process.execPath, ["--import", "tsx", main], {
        env: { ...process.env, REDIS_URL: server.url, ZW_CONFIG: configFile, LOG_LEVEL: "error" },
        stdio: ["ignore", "inherit", "inherit"],
      });
      const pid = fetcher.pid!;
      const exited = new Promise((ok) => fetcher!.once("exit", ok));

      let peakRss = 0;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, sampleProcess(pid).rssMb);
      }, 50);
      const runCycle = async (name: string, now: Date): Promise<CycleResult> => {
        const before = await queues.poll.getJobCounts("completed", "failed");
        const articlesBefore = await queues.article.count();
        const requestsBefore = feeds.requests.length;
        const cpu = sampleProcess(pid).cpuSeconds;
        peakRss = 0;
        const started = performance.now();
        const { polled } = await scheduler.tick(now);
        const tickSeconds = (performance.now() - started) / 1000;
        await until(
          async () => {
            const done = await queues.poll.getJobCounts("completed", "failed");
            return done.completed! + done.failed! - before.completed! - before.failed! >= polled.length;
          },
          600_000,
          50,
        );
        const seconds = (performance.now() - started) / 1000;
        const statuses = new Map<number, number>();
        for (const r of feeds.requests.slice(requestsBefore))
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        return {
          name,
          polls: polled.length,
          tickSeconds,
          seconds,
          statuses: [...statuses]
            .sort((a, b) => a[0] - b[0])
            .map(([s, n]) => `${s || "reset"}: ${n}`)
            .join(", "),
          articles: (await queues.article.count()) - articlesBefore,
          cpuSeconds: sampleProcess(pid).cpuSeconds - cpu,
          peakRssMb: peakRss,
        };
      };

      // Wait for the fetcher to be up (its worker registers on the poll queue).
      await until(async () => (await queues.poll.getWorkersCount()) > 0, 60_000, 100);
      const t0 = Date.now();
      const cold = await runCycle("cold: every feed fetched", new Date(t0));
      for (let i = 0; i < count; i++) {
        const role = roleOf(i);
        const path = `/feeds/${i}.xml`;
        if (role === "new")
          feeds.publish(path, item(feeds, i, 3, new Date(Date.UTC(2025, 5, 1, 9)).toISOString()));
        if (role === "failing") feeds.setFault(path, FAULTS[Math.floor(i / 20) % FAULTS.length]!);
      }
      const warm = await runCycle(
        "warm: 90 % 304, 5 % new, 5 % failing",
        new Date(t0 + 2 * INTERVAL_MINUTES * 60_000),
      );
      clearInterval(sampler);
      const lifetimePeak = sampleProcess(pid).peakRssMb;

      printTable(
        `polling, ${count} feeds, fetcher concurrency ${FETCHER_CONCURRENCY} (the default), fetcher in its own process; ${load()}`,
        [
          "cycle",
          "polls",
          "tick s",
          "cycle s",
          "polls/s",
          "fetcher CPU s",
          "CPU % of a core",
          "peak RSS MB",
          "answers",
          "article jobs",
        ],
        [cold, warm].map((c) => [
          c.name,
          fmt(c.polls),
          fmt(c.tickSeconds, 2),
          fmt(c.seconds),
          fmt(c.polls / c.seconds),
          fmt(c.cpuSeconds),
          fmt((100 * c.cpuSeconds) / c.seconds),
          fmt(c.peakRssMb),
          c.statuses,
          fmt(c.articles),
        ]),
      );
      console.log(
        `warm cycle: ${fmt(warm.polls)} polls in ${fmt(warm.seconds)} s (target: all within 60 s); ` +
          `fetcher peak RSS ${fmt(lifetimePeak)} MB over its life (VmHWM; target < 300 MB)`,
      );
      await scheduler.stop();
      await queues.close();
      fetcher.kill("SIGTERM");
      await exited;
      fetcher = null;
    } finally {
      if (fetcher) fetcher.kill("SIGKILL");
      await connection.quit();
      await feeds.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
