import {
  ADDITIONAL_ADVERBS,
  ANAPHORA,
  ANAPHORIC_SPEAKERS,
  ARRIVAL_CUES,
  ATTRIBUTION_CUES,
  CAPACITY_VERBS,
  COMBAT_WORDS,
  CONCESSIVES,
  COUNT_NOUNS,
  DEICTIC_PLACES,
  DELIVERY_CUES,
  DELIVERY_RECIPIENTS,
  DENIAL_CUES,
  FIRING_VERBS,
  METRIC_CUE_SCOPE,
  METRIC_EXTRA_CUES,
  METRICS,
  type MetricId,
  NEGATIONS,
  NORTH_KOREA_MARKERS,
  OTHER_ARMY_MARKERS,
  OTHER_RECIPIENTS,
  OUTLETS,
  PEOPLE_NOUN_METRICS,
  PEOPLE_NOUNS,
  PROJECTION_CUES,
  PURPOSE_WORDS,
  QUALIFIERS,
  type QualifierId,
  REGIONS,
  SOURCES,
  type SourceId,
  SPECIALIST_TROOP_NOUNS,
  TOPIC_NOUNS,
  TRANSPARENT_NOUNS,
  TROOP_NOUNS,
  VAGUE_QUANTITIES,
  WAR_CONTEXT,
} from "@zw/core";
import { CueIndex, Lexicon } from "./cue-matcher";

/** The lexicons of @zw/core, compiled once, at module load, into one CueIndex (at the end). */

const pairs = <T>(cues: Iterable<string>, value: T) => [...cues].map((c) => [c, value] as const);
const both = (l: { de?: readonly string[]; en?: readonly string[] } | undefined) => [
  ...(l?.de ?? []),
  ...(l?.en ?? []),
];

export const northKorea = new Lexicon(pairs(NORTH_KOREA_MARKERS, true));
export const otherArmy = new Lexicon(pairs(OTHER_ARMY_MARKERS, true));
export const anaphora = new Lexicon(pairs(ANAPHORA, true));
export const transparentNouns = new Lexicon(pairs(TRANSPARENT_NOUNS, true));
export const countNouns = new Lexicon(pairs(COUNT_NOUNS, true));
export const vague = new Lexicon(pairs(VAGUE_QUANTITIES, true));
export const negations = new Lexicon(pairs(NEGATIONS, true));
export const projections = new Lexicon(pairs(PROJECTION_CUES, true));
export const denials = new Lexicon(pairs(DENIAL_CUES, true));
export const deliveries = new Lexicon(pairs([...DELIVERY_CUES, ...DELIVERY_RECIPIENTS], true));
export const deliveryVerbs = new Lexicon(pairs(DELIVERY_CUES, true));
export const otherRecipients = new Lexicon(pairs(OTHER_RECIPIENTS, true));
export const firing = new Lexicon(pairs(FIRING_VERBS, true));
export const concessives = new Lexicon(pairs(CONCESSIVES, true));
export const additionalAdverbs = new Lexicon(pairs(ADDITIONAL_ADVERBS, true));
export const arrivals = new Lexicon(pairs(ARRIVAL_CUES, true));
export const topicNouns = new Lexicon(pairs(TOPIC_NOUNS, true));
export const deicticPlaces = new Lexicon(pairs(DEICTIC_PLACES, true));
export const purposes = new Lexicon(pairs(PURPOSE_WORDS, true));
export const warContext = new Lexicon(pairs(WAR_CONTEXT, true));
export const combat = new Lexicon(pairs(COMBAT_WORDS, true));
export const capacity = new Lexicon(pairs(CAPACITY_VERBS, true));

export type MetricCue = { metric: MetricId; weak: boolean };

/** Cues whose metric is decided by words in the number's clause (verbs, "Verluste"). */
export const clauseCues = new Lexicon<MetricCue>(
  METRICS.flatMap((m) => {
    if (METRIC_CUE_SCOPE[m.id] !== "clause") return [];
    const extra = METRIC_EXTRA_CUES[m.id];
    const weak = new Set(extra?.weak ?? []);
    const strong = [...both(m.cues), ...both(extra)].filter((c) => !weak.has(c));
    return [...pairs(strong, { metric: m.id, weak: false }), ...pairs(weak, { metric: m.id, weak: true })];
  }),
);

/** Cues that count only inside the number's phrase ("3.000 weitere Soldaten", "another 3,000"). */
export const phraseCues = new Lexicon<MetricId>(
  METRICS.flatMap((m) =>
    METRIC_CUE_SCOPE[m.id] === "phrase"
      ? pairs([...both(m.cues), ...both(METRIC_EXTRA_CUES[m.id])], m.id)
      : [],
  ),
);

/** `specialist`: sappers, builders, engineers, sent as a further contingent. */
export type HeadKind =
  | { kind: "troops"; specialist?: true }
  /** `metric`: what the noun itself counts ("Todesopfer" killed, "Verluste" casualties). */
  | { kind: "people"; metric?: MetricId }
  | { kind: "metric"; metric: MetricId };

const specialists = new Set(SPECIALIST_TROOP_NOUNS);

/**
 * Nouns a number can count. German ones also end compounds ("Panzerhaubitzen"), so they are kept as
 * plain words for suffix lookup; multi-word English ones ("rocket launchers") go to a matcher.
 */
const headEntries: [string, HeadKind][] = [
  ...both(TROOP_NOUNS).map((c): [string, HeadKind] => [
    c,
    specialists.has(c) ? { kind: "troops", specialist: true } : { kind: "troops" },
  ]),
  ...both(PEOPLE_NOUNS).map((c): [string, HeadKind] => {
    const metric = PEOPLE_NOUN_METRICS[c];
    return [c, metric ? { kind: "people", metric } : { kind: "people" }];
  }),
  ...METRICS.flatMap((m) =>
    METRIC_CUE_SCOPE[m.id] === "head"
      ? [...both(m.cues), ...both(METRIC_EXTRA_CUES[m.id])].map((c): [string, HeadKind] => [
          c,
          { kind: "metric", metric: m.id },
        ])
      : [],
  ),
];
export const headWords = new Map<string, HeadKind>();
for (const [cue, kind] of headEntries) if (!/\s/.test(cue) && !headWords.has(cue)) headWords.set(cue, kind);
export const headPhrases = new Lexicon(headEntries.filter(([cue]) => /\s/.test(cue)));
/** Head words only German has: as nouns they are capitalised ("Verletzte", not "verletzte Soldaten"). */
const englishHeads = new Set([
  ...TROOP_NOUNS.en,
  ...PEOPLE_NOUNS.en,
  ...METRICS.flatMap((m) => [...m.cues.en, ...(METRIC_EXTRA_CUES[m.id]?.en ?? [])]),
]);
export const germanOnlyHeads = new Set(
  [
    ...TROOP_NOUNS.de,
    ...PEOPLE_NOUNS.de,
    ...METRICS.flatMap((m) => [...m.cues.de, ...(METRIC_EXTRA_CUES[m.id]?.de ?? [])]),
  ].filter((w) => !englishHeads.has(w)),
);
/** German head words that may end a compound: long enough not to hide inside other words. */
export const COMPOUND_MIN_LENGTH = 5;

export const qualifierCues = new Lexicon<QualifierId>(
  QUALIFIERS.flatMap((q) => pairs([...q.cues.de, ...q.cues.en], q.id)),
);

/** A name that may be a speaker: a source, an outlet (a reprint), or a pronoun for the last one. */
export type SourceMention = SourceId | "outlet" | "anaphoric";
export const sourceMentions = new Lexicon<SourceMention>([
  ...pairs(ANAPHORIC_SPEAKERS.before, "anaphoric" as const),
  ...SOURCES.flatMap((s) => pairs(s.cues, s.id as SourceId)),
  ...pairs(OUTLETS, "outlet" as const),
]);

/** Pronouns that may follow their verb ("sagte er"); in English "said it" is no speaker. */
export const INVERTED_ANAPHORIC = new Set<string>(ANAPHORIC_SPEAKERS.after);

export type AnchorKind = "before" | "nouns" | "after" | "own" | "verbs";
export const attributionAnchors = new Lexicon<AnchorKind>(
  (Object.keys(ATTRIBUTION_CUES) as AnchorKind[]).flatMap((k) => pairs(ATTRIBUTION_CUES[k], k)),
);

export const regions = new Lexicon(REGIONS.flatMap(([name, ...cues]) => pairs(cues, name)));

export const cueIndex = new CueIndex([
  transparentNouns,
  deliveries,
  deliveryVerbs,
  otherRecipients,
  firing,
  concessives,
  additionalAdverbs,
  arrivals,
  topicNouns,
  deicticPlaces,
  purposes,
  warContext,
  combat,
  capacity,
  northKorea,
  otherArmy,
  anaphora,
  countNouns,
  vague,
  negations,
  projections,
  denials,
  clauseCues,
  phraseCues,
  headPhrases,
  qualifierCues,
  sourceMentions,
  attributionAnchors,
  regions,
]);
