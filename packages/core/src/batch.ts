import { z } from "zod";
import { IsoDate, Lang } from "./figure";

/** One input line of `zw numbers --batch` (see shared spec figures.md, "Command line contract"). */
export const NumbersRequestSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  lang: Lang.optional(),
});
export type NumbersRequest = z.infer<typeof NumbersRequestSchema>;

/** One input line of `zw extract --batch`; lang and date may be missing or null. */
export const ExtractRequestSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  lang: Lang.nullish(),
  date: IsoDate.nullish(),
});
export type ExtractRequest = z.infer<typeof ExtractRequestSchema>;

/** True when YYYY-MM-DD names a day of the (proleptic Gregorian) calendar: not 2025-02-30. */
function isCalendarDay(day: string): boolean {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, date);
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === date;
}

/** What may follow the day in a timestamp: a time, optionally seconds, fractions and a zone. */
const ISO_TIME = /^T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A replay article's date: a day of the calendar (YYYY-MM-DD), or an ISO timestamp starting with
 * one. The day as written is the day its claims are dated by, and the order of the replay.
 */
const ReplayDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/, "expected a date as YYYY-MM-DD (or an ISO timestamp)")
  .superRefine((value, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return;
    const day = value.slice(0, 10);
    if (!isCalendarDay(day)) {
      ctx.addIssue({ code: "custom", message: `${day} is not a day of the calendar` });
      return;
    }
    const time = value.slice(10);
    if (time && (!ISO_TIME.test(time) || Number.isNaN(Date.parse(value)))) {
      ctx.addIssue({ code: "custom", message: `${JSON.stringify(value)} is not an ISO timestamp` });
    }
  });

/**
 * One line of a `zw replay` archive (JSON Lines): an article as it was published. `date` is the
 * day (YYYY-MM-DD) or an ISO timestamp starting with it; `outlet` may also be given as `source`.
 */
export const ReplayArticleSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]).optional(),
    url: z.string().url().optional(),
    date: ReplayDate,
    lang: Lang.nullish(),
    title: z.string().nullish(),
    outlet: z.string().nullish(),
    source: z.string().nullish(),
    text: z.string().refine((t) => t.trim().length > 0, "the text is empty"),
  })
  .transform(({ source, ...article }) => ({ ...article, outlet: article.outlet ?? source ?? null }));
export type ReplayArticle = z.infer<typeof ReplayArticleSchema>;
