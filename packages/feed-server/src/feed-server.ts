import { createHash } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface PublishedArticle {
  /** Path of the article page on this server, e.g. "/articles/nis-update". */
  path: string;
  title: string;
  /** Plain paragraphs; the page wraps them in a news-like HTML layout. */
  paragraphs: string[];
  publishedAt: string;
  /** Item description in the feed; defaults to the first paragraph. */
  summary?: string;
  /** Link in the feed item; defaults to the page URL. Lets tests add tracking parameters. */
  link?: string;
}

/** A failure a path (feed or article page) answers with instead of its content, for fault tests. */
export type FeedFault =
  | { kind: "status"; status: number }
  | { kind: "hang" }
  | { kind: "endless-body" }
  | { kind: "reset" }
  | { kind: "redirect-loop" }
  | { kind: "body"; contentType: string; body: string | Buffer; headers?: Record<string, string> };

interface FeedState {
  title: string;
  articles: PublishedArticle[];
}

export interface FeedServer {
  url: string;
  /** Publishes (or replaces) a feed at `path` with these articles, newest first in the XML. */
  setFeed(path: string, title: string, articles: PublishedArticle[]): void;
  /** Adds an article to a feed and serves its page. */
  publish(path: string, article: PublishedArticle): void;
  /** Makes `path` (a feed or an article page) fail until the fault is set back to null. */
  setFault(path: string, fault: FeedFault | null): void;
  /** Requests seen, for assertions: path, method and the conditional headers sent. */
  requests: { path: string; ifNoneMatch: string | null; ifModifiedSince: string | null; status: number }[];
  close(): Promise<void>;
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );

function renderFeed(base: string, state: FeedState): string {
  const items = [...state.articles]
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .map((a) => {
      const link = a.link ?? `${base}${a.path}`;
      return `<item><title>${escapeXml(a.title)}</title><link>${escapeXml(link)}</link><guid>${escapeXml(`${base}${a.path}`)}</guid><pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate><description>${escapeXml(a.summary ?? a.paragraphs[0] ?? "")}</description></item>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escapeXml(state.title)}</title><link>${base}</link><description>${escapeXml(state.title)}</description>${items.join("")}</channel></rss>\n`;
}

function renderArticle(article: PublishedArticle): string {
  const body = article.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join("\n");
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeXml(article.title)}</title></head>
<body><nav><a href="/">Startseite</a> · <a href="/politik">Politik</a> · <a href="/abo">Abo: 3 Monate für 1 Euro</a></nav>
<main><article><h1>${escapeXml(article.title)}</h1><time datetime="${article.publishedAt}">${article.publishedAt}</time>
${body}
</article></main>
<aside>Meistgelesen: 10 Tipps für den Garten · 5 Rezepte</aside><footer>© 2025 Beispielverlag · Seite 1 von 3</footer>
<script>window.tracking = { visits: 123456 };</script></body></html>`;
}

/** Starts the server on 127.0.0.1 and a free port. Conditional GET works with ETag and Last-Modified. */
export async function startFeedServer(): Promise<FeedServer> {
  const feeds = new Map<string, FeedState>();
  const pages = new Map<string, PublishedArticle>();
  const faults = new Map<string, FeedFault>();
  const sockets = new Set<Socket>();
  const requests: FeedServer["requests"] = [];
  let base = "";

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const record = (status: number) =>
      requests.push({
        path,
        ifNoneMatch: (req.headers["if-none-match"] as string | undefined) ?? null,
        ifModifiedSince: (req.headers["if-modified-since"] as string | undefined) ?? null,
        status,
      });
    const fault = faults.get(path);
    if (fault) {
      serveFault(fault, path, res, record);
      return;
    }
    const feed = feeds.get(path);
    if (feed) {
      const xml = renderFeed(base, feed);
      const etag = `"${createHash("sha1").update(xml).digest("hex").slice(0, 16)}"`;
      const newest =
        feed.articles
          .map((a) => a.publishedAt)
          .sort()
          .at(-1) ?? "1970-01-01T00:00:00Z";
      const lastModified = new Date(newest).toUTCString();
      if (req.headers["if-none-match"] === etag) {
        record(304);
        res.writeHead(304, { etag, "last-modified": lastModified }).end();
        return;
      }
      record(200);
      res.writeHead(200, {
        "content-type": "application/rss+xml; charset=utf-8",
        etag,
        "last-modified": lastModified,
      });
      res.end(xml);
      return;
    }
    const page = pages.get(path);
    if (page) {
      record(200);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(renderArticle(page));
      return;
    }
    record(404);
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  };

  const server: Server = createServer(handle);
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    setFeed(path, title, articles) {
      feeds.set(path, { title, articles: [...articles] });
      for (const a of articles) pages.set(a.path, a);
    },
    publish(path, article) {
      const feed = feeds.get(path) ?? { title: path, articles: [] };
      feed.articles.push(article);
      feeds.set(path, feed);
      pages.set(article.path, article);
    },
    setFault(path, fault) {
      if (fault) faults.set(path, fault);
      else faults.delete(path);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((ok) => server.close(ok));
    },
  };
}

function serveFault(
  fault: FeedFault,
  path: string,
  res: ServerResponse,
  record: (status: number) => void,
): void {
  switch (fault.kind) {
    case "status":
      record(fault.status);
      res.writeHead(fault.status, { "content-type": "text/plain" }).end(`status ${fault.status}`);
      return;
    case "hang":
      record(0);
      return; // headers are never sent
    case "endless-body": {
      record(200);
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>slow</title>');
      const timer = setInterval(() => res.write("<!-- still here -->"), 200);
      res.on("close", () => clearInterval(timer));
      return;
    }
    case "reset":
      record(0);
      res.socket?.destroy();
      return;
    case "redirect-loop":
      record(302);
      res.writeHead(302, { location: path }).end();
      return;
    case "body":
      record(200);
      res.writeHead(200, { "content-type": fault.contentType, ...fault.headers }).end(fault.body);
      return;
  }
}
