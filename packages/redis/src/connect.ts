import { Redis } from "ioredis";

/**
 * An ioredis connection fit for BullMQ workers: no per-command retry limit (BullMQ requires
 * `maxRetriesPerRequest: null`) and reconnects with capped backoff after a Redis restart.
 */
export function connectRedis(url: string, name = "zahlenwacht"): Redis {
  return new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
}

/** How long a command on a connectRedisForCommand connection waits for its reply. */
export const COMMAND_TIMEOUT_MS = 5_000;

/**
 * An ioredis connection for one short command (the `zw` CLI): a Redis that goes away or stops
 * answering fails the command within seconds instead of making it wait. It rides out a restart of
 * up to 1.5 s, then gives up: the connection ends, which rejects the commands waiting for it and
 * BullMQ's wait for a ready connection alike (a per-request retry limit alone would leave the
 * latter waiting). BullMQ Queues accept it: only blocking connections (Workers, QueueEvents) need
 * `maxRetriesPerRequest: null`.
 */
export function connectRedisForCommand(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    enableReadyCheck: true,
    connectTimeout: 2_000,
    commandTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => (attempt <= RECONNECTS ? attempt * 250 : null),
  });
}

const RECONNECTS = 3;
const SOCKET_SYSCALLS = new Set(["connect", "read", "write", "getaddrinfo"]);

/**
 * True when a command failed because the connection did (it ended after its reconnects, or no
 * reply came within the command timeout, or a socket error was handed on as is, as BullMQ does
 * when its wait for the connection fails), not because Redis refused the command.
 */
export function isConnectionFailure(error: unknown): error is Error {
  return (
    error instanceof Error &&
    (error.message === "Connection is closed." ||
      error.message === "Command timed out" ||
      // A socket's errors, not a file's ("ENOENT" of a missing seed file is no lost Redis).
      SOCKET_SYSCALLS.has((error as { syscall?: unknown }).syscall as string))
  );
}
