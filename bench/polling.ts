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

/** config.concurrency.fetcher: the default, then a value an operator with many feeds would set. */
const FETCHER_CONCURRENCY = 16;
const TUNED_CONCURRENCY = 64;
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

/** A new item about the story, so it passes the keyword filter and becomes an article job. */
function newItem(server: FeedServer, feed: number, cycle: number): PublishedArticle {
  const title = `Nordkorea schickt weitere Soldaten nach Russland (${feed}, ${cycle})`;
  return {
    path: `/articles/${feed}-new-${cycle}`,
    title,
    publishedAt: new Date(Date.UTC(2025, 5, 1, 8 + cycle)).toISOString(),
    paragraphs: [`${title}. Laut Seoul sind es rund ${1000 + feed} Mann.`],
    link: `${server.url}/articles/${feed}-new-${cycle}`,
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
    // In an object: assigned in a closure, which narrowing would not see.
    const fetcher: { child: ChildProcess | null } = { child: null };
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
      const config = { ...benchConfig({ extractor: 4, notifier: 1 }), pollIntervalMinutes: INTERVAL_MINUTES };
      const logger = createLogger({ logLevel: "warn" }, { name: "bench-scheduler" });
      const scheduler = startScheduler({
        config,
        connection,
        logger,
        listFeeds: async () => list,
        cron: false,
      });
      const queues = createQueues(connection);

      /** The real fetcher process (services/fetcher/src/main.ts) with this concurrency. */
      const startFetcher = async (concurrency: number) => {
        const configFile = join(dir, `zw.config.${concurrency}.json`);
        writeFileSync(
          configFile,
          JSON.stringify({
            feeds: [],
            allowPrivateFeeds: true,
            httpPort: 0,
            logLevel: "error",
            pollIntervalMinutes: INTERVAL_MINUTES,
            concurrency: { fetcher: concurrency },
          }),
        );
        const main = fileURLToPath(new URL("../services/fetcher/src/main.ts", import.meta.url));
        const child = spawn(process.execPath, ["--import", "tsx", main], {
          env: { ...process.env, REDIS_URL: server.url, ZW_CONFIG: configFile, LOG_LEVEL: "error" },
          stdio: ["ignore", "inherit", "inherit"],
        });
        fetcher.child = child;
        const exited = new Promise((ok) => child.once("exit", ok));
        await until(async () => (await queues.poll.getWorkersCount()) > 0, 60_000, 100);
        return {
          pid: child.pid!,
          async stop() {
            child.kill("SIGTERM");
            await exited;
            await until(async () => (await queues.poll.getWorkersCount()) === 0, 30_000, 100);
          },
        };
      };

      let peakRss = 0;
      let pid = 0;
      const sampler = setInterval(() => {
        if (pid) peakRss = Math.max(peakRss, sampleProcess(pid).rssMb);
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
      /** The warm cycles' changes: new items on 5 % of the feeds, faults on another 5 %. */
      const changeFeeds = (cycle: number) => {
        for (let i = 0; i < count; i++) {
          const role = roleOf(i);
          const path = `/feeds/${i}.xml`;
          if (role === "new") feeds.publish(path, newItem(feeds, i, cycle));
          if (role === "failing") feeds.setFault(path, FAULTS[Math.floor(i / 20) % FAULTS.length]!);
        }
      };

      const t0 = Date.now();
      const at = (intervals: number) => new Date(t0 + intervals * INTERVAL_MINUTES * 60_000);
      let running = await startFetcher(FETCHER_CONCURRENCY);
      pid = running.pid;
      const cycles = [await runCycle(`cold, concurrency ${FETCHER_CONCURRENCY}: every feed fetched`, at(0))];
      changeFeeds(1);
      cycles.push(
        await runCycle(`warm, concurrency ${FETCHER_CONCURRENCY}: 90 % 304, 5 % new, 5 % failing`, at(2)),
      );
      const defaultPeak = sampleProcess(pid).peakRssMb;
      pid = 0;
      await running.stop();
      running = await startFetcher(TUNED_CONCURRENCY);
      pid = running.pid;
      changeFeeds(2);
      cycles.push(
        await runCycle(`warm, concurrency ${TUNED_CONCURRENCY}: 90 % 304, 5 % new, 5 % failing`, at(4)),
      );
      const tunedPeak = sampleProcess(pid).peakRssMb;
      clearInterval(sampler);
      pid = 0;
      await running.stop();
      fetcher.child = null;

      printTable(
        `polling, ${count} feeds, fetcher in its own process; ${load()}`,
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
        cycles.map((c) => [
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
        `warm cycle: ${fmt(count)} feeds in ${fmt(cycles[1]!.seconds)} s at concurrency ${FETCHER_CONCURRENCY}, ` +
          `${fmt(cycles[2]!.seconds)} s at ${TUNED_CONCURRENCY} (target: all within 60 s); fetcher peak RSS over its life ` +
          `(VmHWM) ${fmt(defaultPeak)} MB and ${fmt(tunedPeak)} MB (target < 300 MB)`,
      );
      await scheduler.stop();
      await queues.close();
    } finally {
      fetcher.child?.kill("SIGKILL");
      await connection.quit();
      await feeds.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
