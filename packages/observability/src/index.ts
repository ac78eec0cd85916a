export {
  type CheckResult,
  type HealthCheck,
  type HealthServer,
  type HealthServerOptions,
  startHealthServer,
} from "./health-server";
export { createLogger, type Logger, type LoggerOptions, REDACTED_PATHS } from "./logger";
export { createMetrics, type DepthReader, type ItemKind, type Metrics, type PollOutcome } from "./metrics";
