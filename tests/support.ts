import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { freePort } from "./helpers/services";

export const ROOT = path.resolve(__dirname, "..");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  const message = `Chromium journeys skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`;
  if (process.env.CI === "true") throw new Error(`${message} CI must run every suite.`);
  console.warn(`\n  ⚠ ${message}\n`);
}

export { freePort };

export type Started = {
  child: ChildProcess;
  output: () => string;
  dataDir: string;
  stop: () => Promise<number | null>;
};

/** Runs `npm start`'s script with a fresh DATA_DIR and waits for its "running" banner. */
export async function startSosKes(env: Record<string, string>, timeoutMs = 240_000): Promise<Started> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "soskes-journey-"));
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn", CI: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + timeoutMs;
  while (!output.includes("SosKes is running")) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not report running:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once("exit", (code) => resolve(code));
      child.kill("SIGINT");
    });
  return { child, output: () => output, dataDir, stop };
}

/** A real SMTP server on loopback that keeps what it receives (STARTTLS off: its certificate has expired). */
export async function smtpSink(): Promise<{
  port: number;
  received: Array<{ to: string; subject: string; text: string }>;
  close: () => Promise<void>;
}> {
  const { SMTPServer } = await import("smtp-server");
  const { simpleParser } = await import("mailparser");
  const received: Array<{ to: string; subject: string; text: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: Array.isArray(mail.to) ? (mail.to[0]?.text ?? "") : (mail.to?.text ?? ""),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
          });
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A TCP relay in front of the portal whose connections can be cut, as a network drop would:
 * browsers' offline emulation leaves WebSockets open, this does not.
 */
export async function tcpProxy(targetPort: number): Promise<{
  port: number;
  cut: () => void;
  restore: () => void;
  close: () => Promise<void>;
}> {
  const live = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, "127.0.0.1");
    for (const s of [client, upstream]) {
      live.add(s);
      s.on("close", () => live.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port,
    cut: () => {
      down = true;
      for (const s of live) s.destroy();
    },
    restore: () => {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of live) s.destroy();
        server.close(() => resolve());
      }),
  };
}
