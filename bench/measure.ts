import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { type RedisServer, startRedisServer } from "@zw/redis";
import type { Redis } from "ioredis";

/** What every benchmark gets from bench/run.ts. */
export interface BenchOptions {
  /** Smaller sizes, for a quick look (`pnpm bench --quick`). */
  quick: boolean;
}

export interface Benchmark {
  name: string;
  /** One line for `pnpm bench --help`. */
  about: string;
  run(options: BenchOptions): Promise<void>;
}

/** The 1-minute load average: the machine is shared, so every figure is printed with it. */
export function load(): string {
  return `load ${loadavg()[0]!.toFixed(1)}`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "—";
  return value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(digits);
}

/** Prints an aligned table, a title above it. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of cells.slice(1)) console.log(line(r));
}

/** Total commands Redis has executed so far (INFO commandstats), to count commands per unit of work. */
export async function redisCommandCount(redis: Redis): Promise<number> {
  const info = await redis.info("commandstats");
  let calls = 0;
  for (const match of info.matchAll(/calls=(\d+)/g)) calls += Number(match[1]);
  return calls;
}

/** Resolves when `done()` holds, checking every `everyMs`; throws after `timeoutMs`. */
export async function until(
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((ok) => setTimeout(ok, everyMs));
  }
}

export interface Timing {
  wallMs: number;
  /** CPU time of this process (user + system): less disturbed by other load than wall time. */
  cpuMs: number;
}

export function timed(work: () => void): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** A real redis-server in a temporary directory (AOF everysec, as in production), removed on stop. */
export async function startBenchRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), "zw-bench-"));
  const server = await startRedisServer({ dir });
  return {
    ...server,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds redis-server has used so far (INFO cpu, user + system). */
export async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info("cpu");
  const field = (name: string) => Number(info.match(new RegExp(`${name}:([\\d.]+)`))?.[1] ?? 0);
  return field("used_cpu_user") + field("used_cpu_sys");
}
