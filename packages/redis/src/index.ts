export { COMMAND_TIMEOUT_MS, connectRedis, connectRedisForCommand, isConnectionFailure } from "./connect";
export {
  freePort,
  ping,
  type RedisServer,
  RedisServerMissingError,
  type StartOptions,
  startRedisServer,
} from "./redis-server";
export { type ResolvedRedis, type ResolveOptions, resolveRedis } from "./resolve-redis";
