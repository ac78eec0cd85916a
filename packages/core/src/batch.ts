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
