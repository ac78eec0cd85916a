import { z } from "zod";
import { Lang } from "./figure";

/** One input line of `zw numbers --batch` (see shared spec figures.md, "Command line contract"). */
export const NumbersRequestSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  lang: Lang.optional(),
});
export type NumbersRequest = z.infer<typeof NumbersRequestSchema>;
