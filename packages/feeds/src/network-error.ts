import { FeedError } from "./feed-error";

/** A socket or resolver error as a FeedError with a reason; FeedErrors (from the guarded lookup) pass through. */
export function networkError(err: NodeJS.ErrnoException, host: string): FeedError {
  if (err instanceof FeedError) return err;
  // With several addresses, Node reports an AggregateError whose parts carry the codes.
  const inner = (err as { errors?: NodeJS.ErrnoException[] }).errors?.[0];
  const code = err.code ?? inner?.code ?? "";
  const detail = code || err.message;
  if (["ENOTFOUND", "EAI_AGAIN", "ENODATA", "EAI_NONAME"].includes(code)) {
    return new FeedError("dns", `${host} could not be resolved (${detail})`);
  }
  if (code === "ECONNREFUSED") return new FeedError("connection_refused", `${host} refused the connection`);
  if (code === "ECONNRESET" || code === "EPIPE" || err.message === "socket hang up") {
    return new FeedError(
      "connection_reset",
      `${host} closed the connection before the response was complete`,
    );
  }
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new FeedError("tls", `TLS with ${host} failed (${detail})`);
  }
  return new FeedError("network", `network error talking to ${host} (${detail})`);
}
