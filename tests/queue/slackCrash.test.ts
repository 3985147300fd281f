/**
 * Issue #11, item 2: a worker SIGKILLed while Slack holds chat.postMessage open (Slack accepted the
 * post, the answer never came) must not post the digest twice. The retry finds the delivery key in
 * the message metadata among the channel's latest messages (conversations.history with
 * include_all_metadata) and records that message instead of posting again.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { DeliveryRecords } from "../../queue/deliveries.ts";
import { deliveryKey } from "../../queue/keys.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../peers/slack/fakeSlackApi.ts";
import { newSub, REDIS_URL, type Rig, startRig, until } from "./helpers.ts";

const CHILD = fileURLToPath(new URL("./fixtures/slackWorkerChild.ts", import.meta.url));
const children: ChildProcess[] = [];

/** `lockMs`: the job lock; the restarted worker gets a long one (see crash.test.ts's startChild). */
function startChild(rig: Rig, slack: FakeSlackApi, lockMs = 1_000): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CHILD], {
    env: {
      ...process.env,
      REDIS_URL,
      PREFIX: rig.prefix,
      SLACK_API_URL: slack.apiUrl,
      LOCK_MS: String(lockMs),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("READY")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`worker child exited early (${code})`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

let rig: Rig | null = null;
let slack: FakeSlackApi | null = null;
afterEach(async () => {
  await Promise.all(children.splice(0).map(kill));
  await rig?.close();
  await slack?.close();
  rig = null;
  slack = null;
});

describe("a Slack worker killed while chat.postMessage is in flight", () => {
  it("posts the digest exactly once after a restart", async () => {
    slack = await startFakeSlackApi();
    rig = await startRig({ workers: 0 });
    const rt = rig.runtimes[0]!;
    const sub = await rt.service.subscribe(
      newSub({ platform: "slack", workspace: "T0SUMMIT", channel: "C0CRASH01" }),
    );
    slack.holdPosts(true);
    const held = slack.heldPost();
    const first = await startChild(rig, slack);
    const [job] = await rt.queue.getDelayed();
    const slot = Number(job!.id!.split(":").at(-1));
    await job!.promote();
    await held;
    await kill(first);
    // Slack has the message; the worker never learnt it.
    expect(slack.history(sub.channel)).toHaveLength(1);
    slack.holdPosts(false);

    await startChild(rig, slack, 15_000);
    await until(
      async () => (await rt.queue.getJob(job!.id!))?.finishedOn !== undefined,
      30_000,
      "redelivery",
    );
    const done = await rt.queue.getJob(job!.id!);
    expect(await done!.getState()).toBe("completed");
    expect(done!.returnvalue.status).toBe("delivered");
    const history = slack.history(sub.channel);
    expect(history).toHaveLength(1);
    // The retry looked before posting, and recorded the message Slack already had.
    expect(slack.calls.some((c) => c.method === "conversations.history" && c.body.include_all_metadata)).toBe(
      true,
    );
    const record = await new DeliveryRecords(rt.redis, rt.keys).get(deliveryKey(sub.id, slot));
    expect(record).toMatchObject({ state: "posted", messageId: history[0]!.ts });
  });
});
