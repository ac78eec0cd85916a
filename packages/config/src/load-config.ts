import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Config, ConfigSchema } from "@zw/core";
import type { z } from "zod";

/** A configuration that failed validation; the message names each bad field and where it came from. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

type EnvKind = "string" | "integer" | "boolean" | "url";

/** Environment variables, each mapped to a configuration field. Env wins over zw.config.json. */
export const ENV_VARIABLES: readonly { name: string; path: readonly string[]; kind: EnvKind; doc: string }[] =
  [
    {
      name: "REDIS_URL",
      path: ["redisUrl"],
      kind: "url",
      doc: "Redis to use; unset: 127.0.0.1:6379 or an embedded redis-server",
    },
    {
      name: "ZW_DATA_DIR",
      path: ["dataDir"],
      kind: "string",
      doc: "where the embedded redis-server keeps its data",
    },
    {
      name: "DISCORD_TOKEN",
      path: ["discordToken"],
      kind: "string",
      doc: "bot token; unset: alerts go to the console",
    },
    {
      name: "DISCORD_APPLICATION_ID",
      path: ["discordApplicationId"],
      kind: "string",
      doc: "application id, for command registration",
    },
    {
      name: "DISCORD_API_URL",
      path: ["discordApiUrl"],
      kind: "url",
      doc: "Discord HTTP API base (tests point it at a fake)",
    },
    {
      name: "ZW_HTTP_PORT",
      path: ["httpPort"],
      kind: "integer",
      doc: "port of /healthz and /metrics (0: none)",
    },
    {
      name: "ZW_HTTP_HOST",
      path: ["httpHost"],
      kind: "string",
      doc: "address /healthz and /metrics listen on (0.0.0.0: every interface)",
    },
    { name: "LOG_LEVEL", path: ["logLevel"], kind: "string", doc: "pino level: trace … fatal, silent" },
    {
      name: "ZW_ALLOW_PRIVATE_FEEDS",
      path: ["allowPrivateFeeds"],
      kind: "boolean",
      doc: "let guild feeds reach private addresses",
    },
    {
      name: "ZW_POLL_INTERVAL_MINUTES",
      path: ["pollIntervalMinutes"],
      kind: "integer",
      doc: "default minutes between polls of a feed",
    },
    {
      name: "ZW_SCHEDULER_CRON",
      path: ["schedulerCron"],
      kind: "string",
      doc: "how often the scheduler looks for due feeds",
    },
  ];

export interface LoadOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Reads zw.config.json (or ZW_CONFIG) when present, overlays the environment, validates the whole. */
export function loadConfig({ env, cwd }: LoadOptions): Config {
  const explicit = env.ZW_CONFIG;
  const file = resolve(cwd, explicit || "zw.config.json");
  const raw: Record<string, unknown> = explicit || existsSync(file) ? readConfigFile(file) : {};
  const origins = new Map<string, string>();
  for (const variable of ENV_VARIABLES) {
    const text = env[variable.name];
    if (text === undefined || text === "") continue;
    setPath(raw, variable.path, coerce(variable.name, variable.kind, text));
    origins.set(variable.path.join("."), variable.name);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error, origins, file));
  return parsed.data;
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new Error("the top level must be a JSON object");
    }
    return value as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${withoutExcerpt((error as Error).message)}`);
  }
}

/**
 * JSON.parse's message without the excerpt of the file it may quote (`Unexpected token 'M',
 * ..."rdToken": MzA"... is not valid JSON`): the file may hold the Discord token.
 */
function withoutExcerpt(message: string): string {
  return message.replace(/^(Unexpected token) .*$/s, "$1").replace(/^".*" is not valid JSON$/s, "not JSON");
}

function coerce(name: string, kind: EnvKind, text: string): unknown {
  if (kind === "integer") {
    if (!/^\d+$/.test(text.trim())) throw new ConfigError(`${name}: expected a whole number, got "${text}"`);
    return Number(text);
  }
  if (kind === "boolean") {
    const value = text.trim().toLowerCase();
    if (["1", "true", "yes", "on"].includes(value)) return true;
    if (["0", "false", "no", "off"].includes(value)) return false;
    throw new ConfigError(`${name}: expected true or false, got "${text}"`);
  }
  return text;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== "object" || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function describeIssues(error: z.ZodError, origins: Map<string, string>, file: string): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.join(".") || "(top level)";
    const origin = origins.get(field) ?? file;
    // Never echo a value: it may be a secret.
    return `  ${field} (from ${origin}): ${issue.message}`;
  });
  return `invalid configuration:\n${lines.join("\n")}`;
}

/** The configuration with secrets replaced, for logs and `zw doctor`. */
export function redactConfig(config: Config): Config {
  return {
    ...config,
    discordToken: config.discordToken ? "[redacted]" : null,
    redisUrl: config.redisUrl ? redactUrl(config.redisUrl) : null,
  };
}

/** A URL with its user and password (REDIS_URL may carry one) replaced, fit to print. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, "//[redacted]@");
}
