import { EVENT_TYPES, FeedUrl, Lang, METRIC_IDS, MetricIdSchema, Snowflake } from "@zw/core";
import { z } from "zod";

/**
 * One zod schema per option set, shared by the slash commands and the `zw` admin commands, so a
 * value is accepted or refused the same way wherever it is typed.
 */

/**
 * "a,b c" or ["a","b"] → ["a","b"]: Discord's string options and CLI flags both give lists as text.
 * Unknown items are named in the error, with the accepted values.
 */
function listOf<T extends string>(values: readonly [T, ...T[]]) {
  const known = new Set<string>(values);
  return z.union([z.string(), z.array(z.string())]).transform((v, ctx) => {
    const items = (Array.isArray(v) ? v : v.split(/[\s,;]+/)).map((s) => s.trim()).filter(Boolean);
    const unknown = items.filter((s) => !known.has(s));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `unknown ${unknown.join(", ")} (known: ${values.join(", ")})`,
      });
      return z.NEVER;
    }
    return [...new Set(items)] as T[];
  });
}

export const KeywordOption = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(2, "at least 2 characters")
      .max(100, "at most 100 characters")
      // Control and invisible characters match nothing a reader sees, and garble every list shown.
      .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), "no control or invisible characters"),
  );

export const MetricListOption = listOf(METRIC_IDS);
export const EventListOption = listOf(EVENT_TYPES).pipe(
  z.array(z.enum(EVENT_TYPES)).min(1, "name at least one event type"),
);

/** 0.1, "0.1", "10%" or "10 %" → 0.1; between 0 and 10 (1000 %). */
export const MinChangeOption = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    if (typeof v === "number") return v;
    const percent = v.trim().match(/^([\d.,]+)\s*%$/);
    const n = Number((percent ? percent[1]! : v.trim()).replace(",", "."));
    if (!Number.isFinite(n) || v.trim() === "") {
      ctx.addIssue({ code: "custom", message: "a share like 0.1 or a percentage like 10%" });
      return z.NEVER;
    }
    return percent ? n / 100 : n;
  })
  .pipe(z.number().min(0, "must not be negative").max(10, "at most 10 (1000 %)"));

/** "22-6" → { from: 22, to: 6 }: UTC hours, from inclusive, to exclusive; "off" or "" → null. */
export const QuietHoursOption = z.string().transform((v, ctx) => {
  const text = v.trim().toLowerCase();
  if (text === "" || text === "off" || text === "none") return null;
  const m = text.match(/^(\d{1,2})\s*-\s*(\d{1,2})$/);
  const from = Number(m?.[1]);
  const to = Number(m?.[2]);
  if (!m || from > 23 || to > 23 || from === to) {
    ctx.addIssue({ code: "custom", message: "UTC hours as from-to, e.g. 22-6, or off" });
    return z.NEVER;
  }
  return { from, to };
});

export const SubscribeOptionsSchema = z
  .object({
    guildId: Snowflake,
    channelId: Snowflake,
    metrics: MetricListOption.optional(),
    events: EventListOption.optional(),
    minChange: MinChangeOption.optional(),
    roleId: Snowflake.nullable().optional(),
    digest: z.boolean().optional(),
    quietHours: QuietHoursOption.optional(),
  })
  // The @everyone role has the guild's id; alerts never ping everyone.
  .refine((o) => o.roleId !== o.guildId, { path: ["roleId"], message: "not @everyone: choose a role" });
export type SubscribeOptions = z.infer<typeof SubscribeOptionsSchema>;

export const ChannelOptionsSchema = z.object({ guildId: Snowflake, channelId: Snowflake });

export const KeywordOptionsSchema = z.object({ guildId: Snowflake, keyword: KeywordOption });

export const FeedOptionsSchema = z.object({
  url: z.string().trim().pipe(FeedUrl),
  name: z.string().trim().min(1).max(100).nullable().optional(),
  lang: Lang.nullable().optional(),
});

export const LanguageOptionsSchema = z.object({ guildId: Snowflake, lang: Lang });

export const EstimateOptionsSchema = z.object({ metric: MetricIdSchema.nullable().optional() });

export const HistoryOptionsSchema = z.object({
  metric: MetricIdSchema,
  days: z.number().int("whole days").min(1, "at least 1 day").max(3650, "at most 3650 days").default(90),
});

/** The first problem of a failed validation, named by option: "min_change: at most 10 (1000 %)". */
export function describeIssues(error: z.ZodError, optionNames: Record<string, string> = {}): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const key = String(issue.path[0] ?? "");
      const name = optionNames[key] ?? key;
      return name ? `${name}: ${issueMessage(issue)}` : issueMessage(issue);
    })
    .join("; ");
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value" && "values" in issue) {
    const values = issue.values.map(String);
    const shown = values.length > 8 ? `${values.slice(0, 8).join(", ")}, …` : values.join(", ");
    return `not one of ${shown}`;
  }
  return issue.message;
}

/** The friendly text of a validation error, or null when `error` is something else. */
export function validationMessage(error: unknown, optionNames: Record<string, string> = {}): string | null {
  return error instanceof z.ZodError ? describeIssues(error, optionNames) : null;
}
