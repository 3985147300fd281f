/** Bolt's logger interface on top of our pino logger (which redacts secrets). */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "pino";

export function toBoltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: "bolt" });
  const line = (msg: unknown[]) => msg.map((m) => (typeof m === "string" ? m : JSON.stringify(m))).join(" ");
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => child.debug(line(msg)),
    info: (...msg: unknown[]) => child.info(line(msg)),
    warn: (...msg: unknown[]) => child.warn(line(msg)),
    error: (...msg: unknown[]) => child.error(line(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
