import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger };

/** Secrets that must never reach a log line, wherever they are nested one level deep. */
export const REDACTED_PATHS = [
  "discordToken",
  "*.discordToken",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
];

export interface LoggerOptions {
  /** Which service logs, added to every line. */
  name?: string;
  /** Where lines go; stdout by default (tests pass a stream). */
  destination?: DestinationStream;
}

/** Structured JSON logs, one object per line, with tokens and auth headers redacted. */
/** `logLevel` is a pino level: trace, debug, info, warn, error, fatal or silent (Config.logLevel). */
export function createLogger(config: { logLevel: string }, options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: config.logLevel,
      ...(options.name ? { name: options.name } : {}),
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination(1),
  );
}
