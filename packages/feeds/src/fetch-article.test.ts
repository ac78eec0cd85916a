import { describe, expect, it } from "vitest";
import { FeedError } from "./feed-error";
import { extractArticle, fetchArticle } from "./fetch-article";
import type { FetchOptions } from "./http-get";
import { type LocalServer, testLimits, useLocalServers } from "./testing/local-server";

const serveHandler = useLocalServers();

function serve(type: string, body: string | Buffer): Promise<LocalServer> {
  return serveHandler((_req, res) => {
    res.setHeader("Content-Type", type);
    res.end(body);
  });
}

function options(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return { limits: testLimits(), allowPrivate: true, ...overrides };
}

const PARAGRAPHS = [
  "Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes NIS rund 11.000 Soldaten nach Russland geschickt. Die meisten von ihnen sind in der Region Kursk im Einsatz, wo sie an der Seite russischer Truppen kämpfen.",
  "Nach ukrainischen Schätzungen wurden bislang etwa 4.000 nordkoreanische Soldaten getötet oder verwundet. Unabhängig überprüfen lassen sich diese Zahlen nicht, betonen Beobachter in Seoul und Kiew.",
  "Zudem soll Pjöngjang Millionen Artilleriegranaten und mehr als 100 Haubitzen geliefert haben. Moskau und Pjöngjang hatten die Entsendung lange bestritten und erst im April eingeräumt.",
];

const NEWS_PAGE = `<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Nordkoreas Soldaten kämpfen weiter in Kursk | Nachrichten</title>
<script>window.dataLayer = ["TRACKING-SCRIPT"];</script><style>.ad{color:red}</style></head><body>
<header><nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="ad-banner">ANZEIGE: Jetzt Depot eröffnen!</div>
<main><article><h1>Nordkoreas Soldaten kämpfen weiter in Kursk</h1><p class="byline">Von A. Autorin</p>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}
<script>renderAd("MID-ARTICLE-AD")</script></article></main>
<aside class="sidebar"><h3>Meistgelesen</h3><ul><li><a href="/a">Wetter: Sturm zieht auf</a></li><li><a href="/b">Bundesliga kompakt</a></li></ul></aside>
<footer><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer></body></html>`;

describe("extractArticle", () => {
  it("picks the article text with paragraph breaks, not navigation, ads, sidebar or scripts", () => {
    const { title, text } = extractArticle(NEWS_PAGE);
    expect(title).toBe("Nordkoreas Soldaten kämpfen weiter in Kursk");
    expect(text).toContain(PARAGRAPHS.join("\n\n"));
    for (const noise of [
      "Startseite",
      "ANZEIGE",
      "Meistgelesen",
      "Bundesliga",
      "Impressum",
      "TRACKING",
      "MID-ARTICLE",
    ]) {
      expect([noise, text?.includes(noise)]).toEqual([noise, false]);
    }
  });

  it("reads a short two-paragraph report", () => {
    const short = `<!doctype html><html><head><title>Kurzmeldung</title></head><body><nav><a href="/">Start</a></nav>
      <article><p>Seoul: Nordkorea hat nach Angaben des Geheimdienstes weitere 3.000 Soldaten nach Russland verlegt.</p>
      <p>Die Truppen sollen in der Region Kursk eingesetzt werden, hieß es am Mittwoch in Seoul.</p></article></body></html>`;
    expect(extractArticle(short).text).toBe(
      "Seoul: Nordkorea hat nach Angaben des Geheimdienstes weitere 3.000 Soldaten nach Russland verlegt.\n\nDie Truppen sollen in der Region Kursk eingesetzt werden, hieß es am Mittwoch in Seoul.",
    );
  });

  it("gives text null for a page without main text", () => {
    const index = `<!doctype html><html><head><title>Startseite</title></head><body>
      <nav><a href="/">Home</a> <a href="/politik">Politik</a></nav><div>Willkommen!</div>
      <ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/a${i}">Schlagzeile ${i}</a></li>`).join("")}</ul></body></html>`;
    expect(extractArticle(index)).toEqual({ title: "Startseite", text: null });
    const teasers = `<!doctype html><html><head><title>Startseite</title></head><body>${Array.from(
      { length: 10 },
      (_, i) =>
        `<div class="teaser"><h2><a href="/a${i}">Schlagzeile Nummer ${i} über etwas</a></h2><p>Kurzer Anreißer zum Thema ${i}, der neugierig macht.</p></div>`,
    ).join("")}</body></html>`;
    expect(extractArticle(teasers).text).toBeNull();
    const video = `<!doctype html><html><head><title>Video</title></head><body><nav><a href="/">Start</a></nav>
      <main><video src="kim.mp4"></video><p>Video: Kim in Moskau</p></main></body></html>`;
    expect(extractArticle(video).text).toBeNull();
    expect(extractArticle("")).toEqual({ title: null, text: null });
    expect(extractArticle("nur ein Satz")).toEqual({ title: null, text: null });
  });
  it("refuses a page nested too deep to parse in reasonable time", () => {
    const hostile = `<!doctype html><html><body>${"<div>".repeat(100_000)}${PARAGRAPHS[0]}</body></html>`;
    const started = performance.now();
    expect(() => extractArticle(hostile)).toThrow(/nests elements 100000 deep/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("fetchArticle", () => {
  it("fetches a page and returns its main text", async () => {
    const server = await serve("text/html; charset=utf-8", NEWS_PAGE);
    const article = await fetchArticle(`${server.origin}/politik/kursk.html`, options());
    expect(article.url).toBe(`${server.origin}/politik/kursk.html`);
    expect(article.text).toContain(PARAGRAPHS[1]);
  });

  it("decodes a windows-1252 page by its meta charset", async () => {
    const page = NEWS_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">');
    const server = await serve("text/html", Buffer.from(page, "latin1"));
    const article = await fetchArticle(`${server.origin}/`, options());
    expect(article.text).toContain("südkoreanischen Geheimdienstes");
  });

  it("refuses a non-HTML response", async () => {
    const server = await serve("application/pdf", "%PDF-1.7");
    const error = await fetchArticle(`${server.origin}/doc.pdf`, options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ reason: "unsupported_type" });
    expect((error as FeedError).message).toMatch(/is application\/pdf, not an HTML page/);
  });

  it("caps a huge page at maxBytes", async () => {
    const huge = NEWS_PAGE.replace("</main>", `${"<p>Füllmaterial ohne Ende. </p>".repeat(300_000)}</main>`);
    const server = await serve("text/html", huge);
    const error = await fetchArticle(`${server.origin}/`, options()).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "too_large" });
  });

  // About 0.6 s alone; the timeout leaves room for a machine busy with other suites.
  it("extracts a large page (2 MB)", { timeout: 60_000 }, async () => {
    const big = NEWS_PAGE.replace(
      "</article>",
      `${PARAGRAPHS.map((p) => `<p>${p}</p>`)
        .join("")
        .repeat(3500)}</article>`,
    );
    expect(big.length).toBeGreaterThan(2_000_000);
    const server = await serve("text/html", big);
    const article = await fetchArticle(`${server.origin}/`, options());
    expect(article.text?.length).toBeGreaterThan(1_900_000);
  });
});
