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

/**
 * One line of a `zw replay` archive (JSON Lines): an article as it was published. `date` is the
 * day (YYYY-MM-DD) or a timestamp starting with it; `outlet` may also be given as `source`.
 */
export const ReplayArticleSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]).optional(),
    url: z.string().url().optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}/, "expected a date as YYYY-MM-DD (or an ISO timestamp)")
      .refine((d) => !Number.isNaN(Date.parse(d)), "not a date"),
    lang: Lang.nullish(),
    title: z.string().nullish(),
    outlet: z.string().nullish(),
    source: z.string().nullish(),
    text: z.string().refine((t) => t.trim().length > 0, "the text is empty"),
  })
  .transform(({ source, ...article }) => ({ ...article, outlet: article.outlet ?? source ?? null }));
export type ReplayArticle = z.infer<typeof ReplayArticleSchema>;
