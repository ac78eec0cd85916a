import type { PublishedArticle } from "@zw/feed-server";

/**
 * Later articles for `zw demo`, written for it (not real reporting), dated after the seed baseline:
 * a revised total, its syndicated copy, a conflicting casualty figure, and distractor numbers.
 * Each feed is published on the demo's local feed server, one article every few seconds.
 */
export interface DemoFeed {
  path: string;
  title: string;
  lang: "de" | "en";
  articles: PublishedArticle[];
}

export const DEMO_FEEDS: DemoFeed[] = [
  {
    path: "/yonhap-en.xml",
    title: "Demo Wire (English)",
    lang: "en",
    articles: [
      {
        path: "/en/nis-troops-update",
        title: "N. Korea has sent about 14,000 troops to Russia, spy agency says",
        publishedAt: "2025-04-30T02:10:00Z",
        paragraphs: [
          "SEOUL, April 30 (Demo Wire) -- North Korea has sent about 14,000 troops to Russia in total since last autumn, South Korea's National Intelligence Service (NIS) said Wednesday.",
          "Of them, about 4,700 have been killed or wounded in the fighting, the NIS said.",
          "The figure includes a further contingent dispatched early this year, the spy agency told lawmakers in a closed-door briefing.",
          "Lawmakers said the briefing covered the soldiers' deployment in Russia's Kursk region and the training they received in the Russian Far East.",
        ],
      },
      {
        path: "/en/hur-casualties",
        title: "Ukraine says North Korean losses far higher than Seoul estimates",
        publishedAt: "2025-05-03T09:30:00Z",
        paragraphs: [
          "KYIV -- Ukraine's military intelligence agency HUR said on Saturday that some 6,000 North Korean soldiers have been killed or wounded in the Kursk region.",
          "The estimate is well above the figure given by South Korea's military a month earlier.",
          "Separately, Ukrainian officials said 12 civilians were injured in a drone attack on Kharkiv overnight, and 150 Ukrainian soldiers completed training in Poland.",
        ],
      },
    ],
  },
  {
    path: "/agentur-de.xml",
    title: "Demo-Agentur (Deutsch)",
    lang: "de",
    articles: [
      {
        path: "/de/nis-truppen",
        title: "Geheimdienst: Nordkorea hat rund 14.000 Soldaten nach Russland geschickt",
        publishedAt: "2025-04-30T06:45:00Z",
        paragraphs: [
          "Seoul (dpa) - Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes NIS insgesamt rund 14.000 Soldaten nach Russland entsandt.",
          "Rund 4.700 von ihnen seien laut NIS getötet oder verwundet worden.",
          "Darunter sei auch ein weiteres Kontingent, das zu Beginn des Jahres verlegt worden sei, teilte der Geheimdienst Abgeordneten in Seoul mit.",
        ],
      },
      {
        path: "/de/charkiw",
        title: "Angriff auf Charkiw: Mindestens zwölf Verletzte",
        publishedAt: "2025-05-01T05:20:00Z",
        paragraphs: [
          "Bei einem russischen Drohnenangriff auf Charkiw sind in der Nacht mindestens zwölf Menschen verletzt worden, darunter drei Kinder.",
          "Nordkorea liefert Russland seit Monaten 170-mm-Haubitzen; Präsident Selenskyj sprach am Donnerstag von 2.000 ukrainischen Soldaten, die an der Grenze zu Belarus stationiert seien.",
          "Seite 1 von 3. Gelesen: 4.512",
        ],
      },
    ],
  },
];
