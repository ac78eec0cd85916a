import { z } from "zod";
import { ClaimSchema, ReportSchema } from "./claim";
import { MetricIdSchema } from "./figure";

const base = { id: z.string(), metric: MetricIdSchema };

/** The consensus of the non-party sources at one moment: best (median), low and high, and who. */
export const ConsensusValueSchema = z.object({
  best: z.number(),
  low: z.number(),
  high: z.number(),
  /** The member sources (claims naming none are no members). */
  sources: z.array(z.string()),
});
export type ConsensusValue = z.infer<typeof ConsensusValueSchema>;

/** Events the estimates engine emits; they become the alerts. Producer: extractor; consumer: notifier. */
export const EstimateChangedEvent = z.object({
  ...base,
  type: z.literal("estimate_changed"),
  /**
   * "revision": a source changed its own figure (`previous` is its own earlier claim);
   * "consensus": the consensus best moved (`previous` is the newest claim of the consensus before).
   */
  basis: z.enum(["revision", "consensus"]),
  previous: ClaimSchema,
  current: ClaimSchema,
  /** For a consensus move: the consensus before and after the claim. */
  consensus: z.object({ from: ConsensusValueSchema, to: ConsensusValueSchema }).optional(),
  change: z.object({
    absolute: z.number(),
    relative: z.number().nullable(),
    direction: z.enum(["up", "down", "same"]),
  }),
});
export const ConflictEvent = z.object({
  ...base,
  type: z.literal("conflict"),
  claims: z.tuple([ClaimSchema, ClaimSchema]),
});
export const InconsistencyEvent = z.object({
  ...base,
  type: z.literal("inconsistency"),
  rule: z.enum(["sum_mismatch", "cumulative_fell", "additional_mismatch", "part_exceeds_whole"]),
  claims: z.array(ClaimSchema).min(2),
  /** The arithmetic in plain numbers, so the alert can show it: expected vs. reported. */
  expected: z.number(),
  actual: z.number(),
  formula: z.string(),
});
export const NewMetricEvent = z.object({ ...base, type: z.literal("new_metric"), claim: ClaimSchema });
export const CorroborationEvent = z.object({
  ...base,
  type: z.literal("corroboration"),
  claim: ClaimSchema,
  report: ReportSchema,
});
export const ProjectionEvent = z.object({ ...base, type: z.literal("projection"), claim: ClaimSchema });
export const DenialEvent = z.object({ ...base, type: z.literal("denial"), claim: ClaimSchema });

export const EventSchema = z.discriminatedUnion("type", [
  EstimateChangedEvent,
  ConflictEvent,
  InconsistencyEvent,
  NewMetricEvent,
  CorroborationEvent,
  ProjectionEvent,
  DenialEvent,
]);
export type Event = z.infer<typeof EventSchema>;
export type EventType = Event["type"];
export const EVENT_TYPES = EventSchema.options.map((o) => o.shape.type.value) as [EventType, ...EventType[]];
/** Events a subscription receives unless it asks for others. */
export const DEFAULT_EVENT_TYPES: EventType[] = [
  "estimate_changed",
  "conflict",
  "inconsistency",
  "new_metric",
];
