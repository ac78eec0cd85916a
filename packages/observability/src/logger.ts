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

/** Discord puts a token in the path of interaction and webhook calls; its errors carry that URL. */
const URL_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s]+/g;

function redactUrlTokens(text: string): string {
  return text.replace(URL_TOKEN, "$1[redacted]");
}

/** pino's error serializer, with the tokens in a failed request's URL (DiscordAPIError.url) redacted. */
function serializeError(error: Error): Record<string, unknown> {
  const serialized: Record<string, unknown> = pino.stdSerializers.err(error);
  for (const field of ["url", "message", "stack"]) {
    const value = serialized[field];
    if (typeof value === "string") serialized[field] = redactUrlTokens(value);
  }
  return serialized;
}

export interface LoggerOptions {
  /** Which service logs, added to every line. */
  name?: string;
  /** Where lines go; stdout by default (tests pass a stream). */
  destination?: DestinationStream;
}

/**
 * Structured JSON logs, one object per line, with tokens and auth headers redacted. `logLevel` is a
 * pino level: trace, debug, info, warn, error, fatal or silent (Config.logLevel).
 */
export function createLogger(config: { logLevel: string }, options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: config.logLevel,
      ...(options.name ? { name: options.name } : {}),
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination(1),
  );
}
