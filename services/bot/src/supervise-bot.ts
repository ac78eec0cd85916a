import type { BotLogger, RunningBot } from "./bot";

export interface BotSupervisor {
  /** The running bot once a start succeeded, else null. */
  current(): RunningBot | null;
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  logger: BotLogger;
  /** Wait before the second try; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

/** discord.js's code for a token Discord refused (HTTP 401): trying again cannot help. */
function isTokenInvalid(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "TokenInvalid";
}

/**
 * Starts the bot and, when Discord cannot be reached, keeps trying with backoff in the background,
 * so an outage at start-up does not take the other services of the process down with it. Once
 * logged in, discord.js reconnects by itself. A refused token is given up on at once (and logged).
 * Resolves after the first try, whatever its outcome.
 */
export async function superviseBot(
  start: () => Promise<RunningBot>,
  options: SuperviseOptions,
): Promise<BotSupervisor> {
  const { logger } = options;
  const maxRetryMs = options.maxRetryMs ?? 300_000;
  let bot: RunningBot | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let starting: Promise<void> = Promise.resolve();

  const attempt = async (nextDelayMs: number): Promise<void> => {
    try {
      const started = await start();
      if (stopped) await started.stop();
      else bot = started;
    } catch (error) {
      if (isTokenInvalid(error)) {
        logger.error({ err: error }, "Discord refused DISCORD_TOKEN; the bot stays off");
        return;
      }
      if (stopped) return;
      logger.warn({ err: error, retryInMs: nextDelayMs }, "could not reach Discord; trying again");
      timer = setTimeout(() => {
        starting = attempt(Math.min(nextDelayMs * 2, maxRetryMs));
      }, nextDelayMs);
    }
  };

  starting = attempt(options.retryMs ?? 5_000);
  await starting;
  return {
    current: () => bot,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await starting;
      await bot?.stop();
      bot = null;
    },
  };
}
