/**
 * The metric catalogue of ../shared/spec/figures.md as data: adding a metric is adding an entry.
 * Cue words are lower-case stems matched at word starts by the extractor (packages/extract).
 */
export interface MetricDefinition {
  id: string;
  label: { de: string; en: string };
  /** Counts that can only grow over time (a fall is an inconsistency). */
  cumulative: boolean;
  /** What the number counts, for subject gating: soldiers or delivered material or a share. */
  subject: "troops" | "material" | "share";
  unit: { de: string; en: string };
  cues: { de: readonly string[]; en: readonly string[] };
}

export const METRICS = [
  {
    id: "troops_deployed_total",
    label: { de: "Entsandte Soldaten (gesamt)", en: "Troops deployed (total)" },
    cumulative: true,
    subject: "troops",
    unit: { de: "Soldaten", en: "soldiers" },
    cues: {
      de: ["entsandt", "entsend", "geschickt", "schick", "verlegt", "gesamtzahl", "insgesamt", "erhalten"],
      en: ["sent", "send", "deployed", "deploy", "dispatched", "dispatch", "in total", "total"],
    },
  },
  {
    id: "troops_additional",
    label: { de: "Zusätzliche Soldaten", en: "Additional troops" },
    cumulative: false,
    subject: "troops",
    unit: { de: "Soldaten", en: "soldiers" },
    cues: { de: ["weitere", "zusätzlich"], en: ["additional", "more", "another", "further"] },
  },
  {
    id: "troops_in_region",
    label: { de: "Soldaten vor Ort", en: "Troops in a region" },
    cumulative: false,
    subject: "troops",
    unit: { de: "Soldaten", en: "soldiers" },
    cues: {
      de: ["angekommen", "eingetroffen", "stationiert", "im einsatz", "eingesetzt"],
      en: ["arrived", "stationed", "in kursk", "at the front", "fighting in"],
    },
  },
  {
    id: "troops_in_training",
    label: { de: "Soldaten in Ausbildung", en: "Troops in training" },
    cumulative: false,
    subject: "troops",
    unit: { de: "Soldaten", en: "soldiers" },
    cues: {
      de: ["trainiert", "ausgebildet", "ausbildung", "truppenübungsplatz"],
      en: ["training", "being trained", "trained"],
    },
  },
  {
    id: "casualties_total",
    label: { de: "Verluste (tot oder verwundet)", en: "Casualties (killed or wounded)" },
    cumulative: true,
    subject: "troops",
    unit: { de: "Soldaten", en: "soldiers" },
    cues: {
      de: ["getötet oder verwundet", "getötet oder verletzt", "verluste", "opfer"],
      en: ["casualties", "killed or wounded", "killed or injured", "losses"],
    },
  },
  {
    id: "killed",
    label: { de: "Gefallene", en: "Killed" },
    cumulative: true,
    subject: "troops",
    unit: { de: "Soldaten", en: "soldiers" },
    cues: { de: ["gefallen", "getötet", "tot"], en: ["killed", "dead", "died"] },
  },
  {
    id: "wounded",
    label: { de: "Verwundete", en: "Wounded" },
    cumulative: true,
    subject: "troops",
    unit: { de: "Soldaten", en: "soldiers" },
    cues: { de: ["verwundet", "verletzt"], en: ["wounded", "injured"] },
  },
  {
    id: "captured",
    label: { de: "Gefangene", en: "Captured" },
    cumulative: true,
    subject: "troops",
    unit: { de: "Soldaten", en: "soldiers" },
    cues: {
      de: ["gefangengenommen", "gefangen genommen", "kriegsgefangen", "gefangene"],
      en: ["captured", "prisoners of war", "prisoners", "pows"],
    },
  },
  {
    id: "officers",
    label: { de: "Offiziere", en: "Officers" },
    cumulative: false,
    subject: "troops",
    unit: { de: "Offiziere", en: "officers" },
    cues: { de: ["offizier"], en: ["officer"] },
  },
  {
    id: "generals",
    label: { de: "Generäle", en: "Generals" },
    cumulative: false,
    subject: "troops",
    unit: { de: "Generäle", en: "generals" },
    cues: { de: ["generäle", "general"], en: ["general"] },
  },
  {
    id: "shells_delivered",
    label: { de: "Gelieferte Artilleriegeschosse", en: "Shells delivered" },
    cumulative: true,
    subject: "material",
    unit: { de: "Geschosse", en: "shells" },
    cues: {
      de: ["artillerie", "raketengeschoss", "geschoss", "granate", "munition"],
      en: ["shells", "rounds", "artillery ammunition"],
    },
  },
  {
    id: "howitzers_delivered",
    label: { de: "Gelieferte Haubitzen", en: "Howitzers delivered" },
    cumulative: false,
    subject: "material",
    unit: { de: "Haubitzen", en: "howitzers" },
    cues: { de: ["haubitze", "panzerhaubitze"], en: ["howitzer", "self-propelled gun"] },
  },
  {
    id: "mlrs_delivered",
    label: { de: "Gelieferte Mehrfachraketenwerfer", en: "Multiple rocket launchers delivered" },
    cumulative: false,
    subject: "material",
    unit: { de: "Raketenwerfer", en: "launchers" },
    cues: {
      de: ["mehrfachraketenwerfer", "raketenwerfer", "raketenstartsystem"],
      en: ["multiple rocket launcher", "rocket launcher", "mlrs"],
    },
  },
  {
    id: "artillery_systems_delivered",
    label: { de: "Gelieferte Artilleriesysteme", en: "Artillery systems delivered" },
    cumulative: false,
    subject: "material",
    unit: { de: "Systeme", en: "systems" },
    cues: {
      de: ["artilleriesystem", "artilleriegeschütz"],
      en: ["artillery systems", "artillery pieces"],
    },
  },
  {
    id: "missiles_delivered",
    label: { de: "Gelieferte ballistische Raketen", en: "Ballistic missiles delivered" },
    cumulative: false,
    subject: "material",
    unit: { de: "Raketen", en: "missiles" },
    cues: {
      de: ["ballistische rakete", "kn-23", "kurzstreckenrakete"],
      en: ["ballistic missile", "kn-23", "missiles"],
    },
  },
  {
    id: "ammo_share_percent",
    label: { de: "Anteil am russischen Munitionsbedarf", en: "Share of Russia's ammunition" },
    cumulative: false,
    subject: "share",
    unit: { de: "%", en: "%" },
    cues: {
      de: ["munitionsbedarf", "munitionsbedarfs", "munition"],
      en: ["ammunition", "ammunition needs", "shells used"],
    },
  },
] as const satisfies readonly MetricDefinition[];

export type MetricId = (typeof METRICS)[number]["id"];
export const METRIC_IDS = METRICS.map((m) => m.id) as [MetricId, ...MetricId[]];

const byId = new Map<string, MetricDefinition>(METRICS.map((m) => [m.id, m]));
export function metricDefinition(id: MetricId): MetricDefinition {
  return byId.get(id)!;
}
export function isMetricId(id: string): id is MetricId {
  return byId.has(id);
}
