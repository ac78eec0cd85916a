import { PassThrough } from "node:stream";
import type { CommandIo } from "../command";
import { runCli } from "../run-cli";

export interface ZwRun {
  code: number;
  out: string;
  err: string;
}

export interface ZwRunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  stdin?: string;
}

/** Runs something that takes a CommandIo with `stdin` fed in and its output captured; rejects when it throws. */
export async function captureIo(
  run: (io: CommandIo) => Promise<number>,
  options: ZwRunOptions = {},
): Promise<ZwRun> {
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? "");
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => (out += chunk));
  stderr.on("data", (chunk) => (err += chunk));
  const code = await run({
    stdin,
    stdout,
    stderr,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, out, err };
}

/** Runs one `zw` invocation in this process with captured output, for the CLI's tests. */
export function runZw(args: string[], options: ZwRunOptions = {}): Promise<ZwRun> {
  return captureIo((io) => runCli(args, io), options);
}
