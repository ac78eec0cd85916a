/** Qualifiers of the spec, with the words that signal them and how to say them in an alert. */
export const QUALIFIERS = [
  { id: "exact", label: { de: "", en: "" }, cues: { de: [], en: [] } },
  {
    id: "approx",
    label: { de: "rund", en: "about" },
    cues: {
      de: [
        "rund",
        "etwa",
        "ca.",
        "circa",
        "ungefähr",
        "annähernd",
        "schätzungsweise",
        "in etwa",
        "an die",
        "geschätzte",
        "geschätzten",
        "gut",
      ],
      en: [
        "about",
        "around",
        "roughly",
        "some",
        "an estimated",
        "approximately",
        "estimated",
        "approx.",
        "closer to",
      ],
    },
  },
  {
    id: "at_least",
    label: { de: "mindestens", en: "at least" },
    cues: {
      de: ["mindestens", "wenigstens", "nicht weniger als"],
      en: ["at least", "no fewer than", "no less than", "not less than"],
    },
  },
  {
    id: "more_than",
    label: { de: "mehr als", en: "more than" },
    cues: { de: ["mehr als", "über", "weit über"], en: ["more than", "over", "upwards of", "in excess of"] },
  },
  {
    id: "at_most",
    label: { de: "höchstens", en: "at most" },
    cues: { de: ["höchstens"], en: ["at most", "no more than"] },
  },
  {
    id: "less_than",
    label: { de: "weniger als", en: "less than" },
    cues: {
      // "nearly 1,000", "knapp 4.000": just short of the number, so below it.
      de: ["weniger als", "unter", "knapp unter", "knapp", "fast", "beinahe", "nahezu"],
      en: ["fewer than", "less than", "under", "just under", "nearly", "almost", "close to"],
    },
  },
  {
    id: "up_to",
    label: { de: "bis zu", en: "up to" },
    // "bis 6 Millionen" alone: ranges ("4 bis 6 Millionen") are read before any qualifier.
    cues: { de: ["bis zu", "bis hin zu", "bis"], en: ["up to", "as many as", "as much as"] },
  },
  { id: "range", label: { de: "zwischen", en: "between" }, cues: { de: [], en: [] } },
] as const;

export type QualifierId = (typeof QUALIFIERS)[number]["id"];
export const QUALIFIER_IDS = QUALIFIERS.map((q) => q.id) as [QualifierId, ...QualifierId[]];
