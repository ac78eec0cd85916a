import { loadConfig } from "@zw/config";
import type { Config } from "@zw/core";
import {
  createLogger,
  createMetrics,
  type HealthServer,
  type Logger,
  type Metrics,
  startHealthServer,
} from "@zw/observability";
import { type Connection, closeAll, createQueues, onShutdownSignals, queueDepths, within } from "@zw/queue";
import { connectRedis, type ResolvedRedis, resolveRedis } from "@zw/redis";

/** What every service gets from its host. */
export interface ServiceContext {
  config: Config;
  /** Shared by all services of the process; the host closes it last. */
  connection: Connection;
  logger: Logger;
  metrics: Metrics;
}

export interface RunningService {
  stop(deadlineMs?: number): Promise<void>;
}

export type ServiceStarter = (context: ServiceContext) => RunningService | Promise<RunningService>;

export interface HostOptions {
  /** Names the process in logs and the Redis client list. */
  name: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Graceful shutdown gets this long before in-flight jobs are left to other workers. */
  shutdownDeadlineMs?: number;
  /** Stop on SIGINT/SIGTERM and exit (default); false leaves that to the caller (tests). */
  handleSignals?: boolean;
}

export interface Host extends ServiceContext {
  redis: ResolvedRedis;
  /** Null when config.httpPort is 0. */
  health: HealthServer | null;
  stop(): Promise<void>;
}

/**
 * Runs services in this process: loads the configuration, finds or starts Redis, shares one
 * connection, logger and metrics registry, serves /healthz and /metrics on config.httpHost and
 * config.httpPort, and stops everything in reverse order on a signal. One service per process or
 * all of them (`zw start`) is the same call with another map.
 */
export async function hostServices(
  services: Record<string, ServiceStarter>,
  options: HostOptions,
): Promise<Host> {
  const config = loadConfig({ env: options.env, cwd: options.cwd });
  const logger = createLogger(config, { name: options.name });
  const redis = await resolveRedis({ redisUrl: config.redisUrl, dataDir: config.dataDir });
  logger.info({ origin: redis.origin, services: Object.keys(services) }, "starting");
  const connection = connectRedis(redis.url, `zw-${options.name}`);
  connection.on("error", (error) => logger.error({ err: error }, "redis connection error"));
  const metrics = createMetrics();
  const depthQueues = createQueues(connection);
  metrics.trackQueueDepths(() => queueDepths(depthQueues.list));

  const running: { name: string; service: RunningService }[] = [];
  const deadlineMs = options.shutdownDeadlineMs ?? 10_000;
  let health: HealthServer | null = null;
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      logger.info("stopping");
      // One deadline for everything: a service still waiting on a Redis that is down is left behind,
      // and closing the connection below ends its wait.
      const deadline = Date.now() + deadlineMs;
      const left = () => Math.max(0, deadline - Date.now());
      for (const { name, service } of [...running].reverse()) {
        const stopped = service
          .stop(left())
          .catch((error: unknown) => logger.error({ err: error, service: name }, "stop failed"));
        if (!(await within(stopped, left()))) logger.warn({ service: name }, "did not stop in time");
      }
      await health?.close();
      await closeAll([], depthQueues.list, {
        deadlineMs: Math.max(left(), 1_000),
        connections: [connection],
      });
      await redis.server?.stop();
      logger.info("stopped");
    })();
    return stopping;
  };

  try {
    for (const [name, start] of Object.entries(services)) {
      const service = await start({ config, connection, logger: logger.child({ service: name }), metrics });
      running.push({ name, service });
    }
    if (config.httpPort !== 0) health = await serveHealth(config, connection, metrics, logger);
  } catch (error) {
    await stop();
    throw error;
  }
  if (options.handleSignals !== false) onShutdownSignals(stop);
  return { config, connection, logger, metrics, redis, health, stop };
}

/**
 * /healthz and /metrics, or null when the port is taken: several copies of a service on one host
 * (Procfile, scaled out) must still run; only the first serves unless each gets its own port.
 */
async function serveHealth(
  { httpHost: host, httpPort: port }: Config,
  connection: Connection,
  metrics: Metrics,
  logger: Logger,
): Promise<HealthServer | null> {
  try {
    const health = await startHealthServer({
      port,
      host,
      registry: metrics.registry,
      checks: { redis: () => connection.ping() },
    });
    logger.info({ url: health.url }, "serving /healthz and /metrics");
    return health;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    logger.warn(
      { host, port },
      "port in use: /healthz and /metrics not served by this process (set ZW_HTTP_PORT)",
    );
    return null;
  }
}

/** The body of a service's main.ts: host the services, or print why not and exit 1. */
export function runMain(services: Record<string, ServiceStarter>, name: string): void {
  hostServices(services, { name, env: process.env, cwd: process.cwd() }).catch((error: unknown) => {
    console.error(`zw ${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
