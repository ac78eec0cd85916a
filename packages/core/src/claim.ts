import { z } from "zod";
import { FigureSchema } from "./figure";

/** Where a figure was read. One claim may be reprinted by several outlets (corroboration). */
export const ReportSchema = z.object({
  url: z.string(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type Report = z.infer<typeof ReportSchema>;

/** A figure plus the article it was read in; `reports` holds every reprint, the first is the original. */
export const ClaimSchema = FigureSchema.extend({
  id: z.string(),
  url: z.string(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
  reports: z.array(ReportSchema).min(1),
});
export type Claim = z.infer<typeof ClaimSchema>;
