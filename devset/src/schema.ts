import { IsoDate, Lang, MetricIdSchema, ModalitySchema, QualifierSchema, SourceIdSchema } from "@zw/core";
import { z } from "zod";

const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

/** What the search tool answers (corpus `pages`), saved byte for byte in answers/. */
export const SearchAnswerSchema = z.object({
  corpus: z.string().optional(),
  query: z.string(),
  // A result whose address is not known has no url: no passage can be taken from it.
  results: z.array(
    z.object({ rank: z.number().int().positive(), url: z.string().optional(), excerpt: z.string() }),
  ),
});
export type SearchAnswer = z.infer<typeof SearchAnswerSchema>;

/** One figure of the gold, as ../shared/spec/figures.md has it; every source an annotator accepts. */
const GoldFigureFields = {
  metric: MetricIdSchema,
  min: z.number().nullable(),
  max: z.number().nullable(),
  qualifier: QualifierSchema,
  source: z.array(SourceIdSchema.nullable()).min(1),
  modality: ModalitySchema,
  region: z.string().nullable().default(null),
};

/** How a later session finds the passage again: the query, and the rank of the result in its answer. */
export const FoundBySchema = z.object({
  corpus: z.literal("pages"),
  query: z.string().min(1),
  rank: z.number().int().positive(),
});

/** A passage as committed: everything but the text. */
export const PassageRecordSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "ids are lower case letters, digits and dashes"),
  url: z.string().url(),
  outlet: z.string().min(1),
  date: IsoDate.nullable(),
  lang: Lang,
  found_by: FoundBySchema,
  /** The passage's offsets in the result's excerpt. */
  slice: Span,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  gold: z.array(z.object({ ...GoldFigureFields, span: Span })),
  distractors: z.array(z.object({ value: z.number(), span: Span, reason: z.string().min(3) })),
});
export type PassageRecord = z.infer<typeof PassageRecordSchema>;

/**
 * What an annotator writes (kept out of the repository with the texts): words of the passage as
 * anchors, which ingesting turns into offsets.
 */
export const DraftSchema = z.object({
  id: PassageRecordSchema.shape.id,
  answer: z.string().min(1),
  rank: z.number().int().positive(),
  outlet: z.string().min(1),
  date: IsoDate.nullable(),
  lang: Lang,
  /** The first and last words of the passage inside the excerpt; both absent: the whole excerpt. */
  from: z.string().min(1).optional(),
  to: z.string().min(1).optional(),
  gold: z.array(
    z.object({ ...GoldFigureFields, at: z.string().min(1), nth: z.number().int().nonnegative().optional() }),
  ),
  distractors: z.array(
    z.object({
      value: z.number(),
      at: z.string().min(1),
      nth: z.number().int().nonnegative().optional(),
      reason: z.string().min(3),
    }),
  ),
  /** The annotator's reasoning; it quotes the article, so it stays in the draft, never committed. */
  note: z.string().optional(),
});
export type Draft = z.infer<typeof DraftSchema>;

/** A line of the scoring file that ../shared/eval/score.mjs --gold reads. */
export interface GoldLine {
  id: string;
  lang: Lang;
  date: string | null;
  url: string;
  text: string;
  gold: Omit<PassageRecord["gold"][number], "span">[];
  distractors: number[];
}
