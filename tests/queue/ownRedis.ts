/**
 * A redis-server of the test's own (child process, free port on 127.0.0.1, its own temp dir), so a test
 * can stop and restart Redis without touching the shared one. With `persist`, AOF with fsync on every
 * write (as docker-compose runs it); without, nothing survives a restart.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** The redis-server binary on PATH, or null. */
export function findRedisServer(): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const bin = join(dir, "redis-server");
    try {
      accessSync(bin, constants.X_OK);
      return bin;
    } catch {}
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host: "127.0.0.1", port });
    sock.once("connect", () => {
      sock.destroy();
      resolve(true);
    });
    sock.once("error", () => resolve(false));
  });
}

export class OwnRedis {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  readonly persist: boolean;
  readonly #bin: string;
  #child: ChildProcess | null = null;
  /** How many times it has been started. */
  starts = 0;

  private constructor(bin: string, port: number, dir: string, persist: boolean) {
    this.#bin = bin;
    this.port = port;
    this.dir = dir;
    this.persist = persist;
    this.url = `redis://127.0.0.1:${port}`;
  }

  static async start(bin: string, opts: { persist: boolean }): Promise<OwnRedis> {
    const dir = mkdtempSync(join(tmpdir(), "summit-redis-"));
    const r = new OwnRedis(bin, await freePort(), dir, opts.persist);
    await r.up();
    return r;
  }

  /** Starts redis-server on the same port and dir (AOF replayed when persistent); resolves once it accepts. */
  async up(): Promise<void> {
    if (this.#child) return;
    const args = ["--port", String(this.port), "--bind", "127.0.0.1", "--dir", this.dir, "--save", ""];
    args.push(
      ...(this.persist ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"]),
    );
    const child = spawn(this.#bin, args, { stdio: ["ignore", "ignore", "inherit"] });
    this.#child = child;
    this.starts++;
    const end = Date.now() + 10_000;
    while (!(await accepts(this.port))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      if (Date.now() > end) throw new Error("redis-server did not start within 10 s");
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** SIGTERM (Redis flushes the AOF and exits) and wait for the process to end. */
  async down(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    this.#child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }

  async restart(): Promise<void> {
    await this.down();
    await this.up();
  }

  async stop(): Promise<void> {
    await this.down();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
