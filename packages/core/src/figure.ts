import { z } from "zod";
import { METRIC_IDS } from "./metrics";
import { QUALIFIER_IDS } from "./qualifiers";
import { SOURCE_IDS } from "./sources";

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
export const Lang = z.enum(["de", "en"]);
export type Lang = z.infer<typeof Lang>;

export const MetricIdSchema = z.enum(METRIC_IDS);
export const SourceIdSchema = z.enum(SOURCE_IDS);
export const QualifierSchema = z.enum(QUALIFIER_IDS);
export const ModalitySchema = z.enum(["reported", "projected", "denied"]);
export type Modality = z.infer<typeof ModalitySchema>;

/** One claim about one quantity in one article: the contract of ../shared/spec/figures.md. */
export const FigureSchema = z.object({
  metric: MetricIdSchema,
  min: z.number().nullable(),
  max: z.number().nullable(),
  qualifier: QualifierSchema,
  source: SourceIdSchema.nullable(),
  modality: ModalitySchema,
  region: z.string().nullable(),
  date: IsoDate.nullable(),
  quote: z.string(),
  span: z.tuple([z.number().int(), z.number().int()]),
  /**
   * The text marks the figure as past ("initially", "the first contingent", "im vergangenen
   * Herbst"): a first wave, not today's total. Absent means current.
   */
  historical: z.boolean().optional(),
});
export type Figure = z.infer<typeof FigureSchema>;
