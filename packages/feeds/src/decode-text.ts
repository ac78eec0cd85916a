import { TextDecoder } from "node:util";

/** What the document's own bytes may declare their encoding in. */
export type DocumentKind = "xml" | "html";

const BOMS: readonly (readonly [bytes: readonly number[], label: string])[] = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];

function headerCharset(contentType: string | undefined): string | null {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "")?.[1] ?? null;
}

function declaredCharset(body: Buffer, kind: DocumentKind): string | null {
  // Declarations are ASCII, so a latin1 view of the head finds them whatever the real encoding.
  const head = body.subarray(0, 2048).toString("latin1");
  const label =
    kind === "xml"
      ? /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]
      : /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  // A declaration readable as ASCII cannot be in UTF-16; real UTF-16 documents carry a byte-order mark.
  return label && !/^utf-?16/i.test(label) ? label : null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null; // unknown label: fall through to the next candidate
  }
}

/**
 * Decodes a fetched body to text. Order: byte-order mark, the Content-Type charset, the XML declaration or
 * HTML meta charset, else UTF-8. A declared UTF-8 that is not valid UTF-8 (a common server misconfiguration)
 * falls back to the next declaration, then windows-1252, which every byte sequence decodes in.
 */
export function decodeText(body: Buffer, contentType: string | undefined, kind: DocumentKind): string {
  for (const [bytes, label] of BOMS) {
    if (bytes.every((b, i) => body[i] === b)) return new TextDecoder(label).decode(body);
  }
  const candidates = [headerCharset(contentType), declaredCharset(body, kind)].filter(
    (label): label is string => label !== null,
  );
  for (const label of candidates) {
    const decoder = decoderFor(label);
    if (!decoder) continue;
    if (decoder.encoding === "windows-1252") return decodeWindows1252(body);
    if (decoder.encoding !== "utf-8") return decoder.decode(body);
    const utf8 = tryUtf8(body);
    if (utf8 !== null) return utf8;
  }
  return tryUtf8(body) ?? decodeWindows1252(body);
}

// windows-1252 bytes 0x80-0x9F (0 = undefined, kept as the C1 control as browsers do).
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

/**
 * windows-1252 (also what the labels iso-8859-1 and latin1 mean on the web). Node 20's TextDecoder decodes this
 * label as plain ISO-8859-1, turning "€", "–" and „quotes“ into control characters, so it is done here.
 */
function decodeWindows1252(body: Buffer): string {
  const latin1 = body.toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80];
    return mapped ? String.fromCharCode(mapped) : c;
  });
}

function tryUtf8(body: Buffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return null;
  }
}
