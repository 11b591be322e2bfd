import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string; subject: string; text: string; messageId: string };

/** A real SMTP server on loopback that keeps what it receives (and can refuse addresses). */
export function smtpSink(port = 0, options: { refuse?: RegExp } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // smtp-server's built-in certificate has expired: plain SMTP on loopback.
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      if (options.refuse?.test(address.address))
        return callback(Object.assign(new Error("No such user"), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: Array.isArray(mail.to) ? mail.to[0]!.text : (mail.to?.text ?? ""),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            messageId: mail.messageId ?? "",
          });
          callback();
        })
        .catch(callback);
    },
  });
  return {
    received,
    listen: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    port: () => (server.server.address() as AddressInfo | null)?.port,
  };
}
