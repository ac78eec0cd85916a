/**
 * The primary sources of the spec. Cues are lower-case phrases naming the source in German and
 * English news text; the extractor matches them near a figure to attribute it.
 */
export interface SourceDefinition {
  id: string;
  label: { de: string; en: string };
  cues: readonly string[];
}

export const SOURCES = [
  {
    id: "NIS",
    label: { de: "Südkoreas Geheimdienst NIS", en: "South Korea's NIS" },
    cues: [
      "nis",
      "national intelligence service",
      "südkoreanische geheimdienst",
      "südkoreanischen geheimdienst",
      "south korea's spy agency",
      "south korean intelligence",
      "südkoreanischen geheimdienstkreisen",
    ],
  },
  {
    id: "JCS",
    label: { de: "Südkoreas Militär (JCS)", en: "South Korea's military (JCS)" },
    cues: [
      "jcs",
      "joint chiefs of staff",
      "generalstab südkoreas",
      "südkoreanischen militärs",
      "südkoreanische militär",
      "south korea's military",
      "south korean military",
    ],
  },
  {
    id: "KR_GOV",
    label: { de: "Südkoreas Regierung", en: "South Korea's government" },
    cues: [
      "seoul",
      "südkorea",
      "south korea",
      "yoon",
      "lee jae-myung",
      "südkoreanische regierung",
      "south korean government",
    ],
  },
  {
    id: "HUR",
    label: { de: "Ukrainischer Militärgeheimdienst HUR", en: "Ukraine's military intelligence (HUR)" },
    cues: [
      "hur",
      "gur",
      "budanow",
      "budanov",
      "ukrainische militärgeheimdienst",
      "ukrainischen militärgeheimdienst",
      "ukrainischen militär-geheimdienst",
      "ukraine's military intelligence",
      "ukrainian military intelligence",
    ],
  },
  {
    id: "UA_GOV",
    label: { de: "Ukrainische Regierung", en: "Ukraine's government" },
    cues: [
      "selenskyj",
      "zelensky",
      "zelenskyy",
      "umerov",
      "umjerow",
      "kiew",
      "kyiv",
      "die ukraine",
      "ukraine",
      "ukrainian government",
      "ukrainische regierung",
    ],
  },
  {
    id: "UA_MIL",
    label: { de: "Ukrainische Streitkräfte", en: "Ukraine's armed forces" },
    cues: [
      "ukrainische armee",
      "ukrainischen armee",
      "ukrainische militär",
      "ukrainischen militär",
      "generalstab der ukraine",
      "ukrainian army",
      "ukrainian military",
      "ukraine's general staff",
      "armed forces of ukraine",
      "syrskyi",
      "syrskyj",
    ],
  },
  {
    id: "US_GOV",
    label: { de: "US-Regierung", en: "US government" },
    cues: [
      "pentagon",
      "white house",
      "weißes haus",
      "weiße haus",
      "state department",
      "us-außenministerium",
      "us-aussenministerium",
      "blinken",
      "austin",
      "patel",
      "kirby",
      "washington",
      "us-regierung",
      "us government",
      "usa",
    ],
  },
  {
    id: "UK_GOV",
    label: { de: "Britische Regierung", en: "UK government" },
    cues: [
      "defence intelligence",
      "britische geheimdienst",
      "britischen geheimdienst",
      "british intelligence",
      "uk ministry of defence",
      "london",
      "britische regierung",
      "british government",
    ],
  },
  {
    id: "NATO",
    label: { de: "NATO", en: "NATO" },
    cues: ["nato", "rutte", "stoltenberg"],
  },
  {
    id: "WEST",
    label: { de: "Westliche Staaten", en: "Western officials" },
    cues: [
      "westliche staaten",
      "westlichen staaten",
      "western officials",
      "western intelligence",
      "westliche geheimdienste",
      "westlichen geheimdienste",
    ],
  },
  {
    id: "RU_GOV",
    label: { de: "Russische Regierung", en: "Russia's government" },
    cues: [
      "kreml",
      "kremlin",
      "putin",
      "peskow",
      "peskov",
      "russische verteidigungsministerium",
      "russian defence ministry",
      "russian defense ministry",
      "moskau",
      "moscow",
    ],
  },
  {
    id: "KP_GOV",
    label: { de: "Nordkoreas Regierung", en: "North Korea's government" },
    cues: [
      "kcna",
      "kim jong",
      "pjöngjang",
      "pyongyang",
      "nordkoreanische staatsmedien",
      "north korean state media",
    ],
  },
] as const satisfies readonly SourceDefinition[];

export type SourceId = (typeof SOURCES)[number]["id"];
export const SOURCE_IDS = SOURCES.map((s) => s.id) as [SourceId, ...SourceId[]];

const byId = new Map<string, SourceDefinition>(SOURCES.map((s) => [s.id, s]));
export function sourceDefinition(id: SourceId): SourceDefinition {
  return byId.get(id)!;
}
