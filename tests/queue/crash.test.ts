/**
 * Kill a worker process (SIGKILL) at each point of a delivery, start another, and check the digest is
 * posted exactly once: before the post (nothing posted yet), after the post but before it is recorded
 * (the retry re-sends with the same idempotency key, which the platform dedupes as Discord's nonce does),
 * and after it is recorded but before BullMQ completes the job (the record stops a second post).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { DeliveryRecords } from "../../queue/deliveries.ts";
import { deliveryKey } from "../../queue/keys.ts";
import { newSub, REDIS_URL, type Rig, startRig, until } from "./helpers.ts";

const CHILD = fileURLToPath(new URL("./fixtures/digestWorkerChild.ts", import.meta.url));
const children: ChildProcess[] = [];

/**
 * The worker to kill holds a 1 s job lock, so its job is found stalled soon after the kill. The restarted
 * one gets `lockMs` 15 s: with 1 s, a loaded machine that delayed its lock renewal let the job stall under
 * it too, and it ran the job a second time (seen: "already-delivered" instead of "delivered").
 */
function startChild(
  rig: Rig,
  pauseAt: string | null,
  lockMs = 1_000,
): Promise<{ child: ChildProcess; paused: Promise<string> }> {
  const child = spawn(process.execPath, [CHILD], {
    env: {
      ...process.env,
      REDIS_URL,
      PREFIX: rig.prefix,
      FAKE_URL: rig.fake.url,
      LOCK_MS: String(lockMs),
      ...(pauseAt ? { PAUSE_AT: pauseAt } : {}),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  let out = "";
  let onPaused: (p: string) => void = () => {};
  const paused = new Promise<string>((resolve) => {
    onPaused = resolve;
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("READY")) resolve({ child, paused });
      const m = /PAUSED (\S+)/.exec(out);
      if (m) onPaused(m[1]!);
    });
    child.on("exit", (code) => reject(new Error(`worker child exited early (${code})`)));
  });
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

let rig: Rig | null = null;
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => kill(c, "SIGKILL")));
  await rig?.close();
  rig = null;
});

describe("a worker killed mid-delivery", () => {
  for (const point of ["claimed", "before-post", "after-post", "after-record"]) {
    it(`posts exactly once when SIGKILLed at "${point}" and restarted`, async () => {
      rig = await startRig({ workers: 0 });
      const rt = rig.runtimes[0]!;
      const sub = await rt.service.subscribe(newSub({ platform: "discord", channel: `crash-${point}` }));
      const first = await startChild(rig, point);
      // Run the scheduler's next slot now.
      const [job] = await rt.queue.getDelayed();
      const slot = Number(job!.id!.split(":").at(-1));
      await job!.promote();
      expect(await first.paused).toBe(point);
      await kill(first.child, "SIGKILL");
      const postsAtKill = rig.fake.postsTo(sub.channel).length;
      expect(postsAtKill).toBe(point === "after-post" || point === "after-record" ? 1 : 0);

      const second = await startChild(rig, null, 15_000);
      await until(
        async () => (await rt.queue.getJob(job!.id!))?.finishedOn !== undefined,
        20_000,
        "redelivery",
      );
      const done = await rt.queue.getJob(job!.id!);
      expect(await done!.getState()).toBe("completed");
      expect(done!.returnvalue.status).toBe(point === "after-record" ? "already-delivered" : "delivered");
      expect(rig.fake.postsTo(sub.channel)).toHaveLength(1);
      const record = await new DeliveryRecords(rt.redis, rt.keys).get(deliveryKey(sub.id, slot));
      expect(record).toMatchObject({ state: "posted", messageId: rig.fake.postsTo(sub.channel)[0]!.id });
      expect((await rt.service.get(sub.id))!.lastDeliveredSlot).toBe(new Date(slot).toISOString());
      // Graceful stop: SIGTERM closes the worker and exits 0.
      const exited = new Promise<number | null>((r) => second.child.once("exit", (code) => r(code)));
      second.child.kill("SIGTERM");
      expect(await exited).toBe(0);
    });
  }
});
