/**
 * A real SMTP server inside the test process (smtp-server), keeping every message it accepts
 * parsed with mailparser: what the customer would receive. It can be stopped and started again on
 * the same port, to play an SMTP outage.
 */
import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  port: number;
  url: string;
  mails: ParsedMail[];
  /** Logins the server saw (user names). */
  users: string[];
  /** Listens again (on the same port once it had one); nothing when it is listening. */
  start(): Promise<void>;
  /** The first message to `to` (and matching `match`, when given) within `ms`. */
  waitFor(to: string, match?: (m: ParsedMail) => boolean, ms?: number): Promise<ParsedMail>;
  stop(): Promise<void>;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  const users: string[] = [];
  let server: SMTPServer | undefined;
  const sink: SmtpSink = {
    port,
    url: '',
    mails,
    users,
    async start() {
      if (server) return; // already listening
      const s = new SMTPServer({
        disabledCommands: ['STARTTLS'],
        authOptional: true,
        allowInsecureAuth: true,
        logger: false,
        onAuth(auth, _session, cb) {
          users.push(auth.username ?? '');
          cb(null, { user: auth.username });
        },
        onData(stream, _session, cb) {
          simpleParser(stream)
            .then((m) => {
              mails.push(m);
              cb();
            })
            .catch((err: Error) => cb(err));
        },
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(sink.port, '127.0.0.1', () => resolve());
      });
      server = s;
      sink.port = (s.server.address() as AddressInfo).port;
      sink.url = `smtp://shop:secret@127.0.0.1:${sink.port}`;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async waitFor(to, match = () => true, ms = 20_000) {
      const until = Date.now() + ms;
      for (;;) {
        const found = mails.find((m) => addressesOf(m).includes(to.toLowerCase()) && match(m));
        if (found) return found;
        if (Date.now() > until) throw new Error(`no e-mail to ${to} within ${ms} ms (got ${mails.length})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
  await sink.start();
  return sink;
}

export function addressesOf(m: ParsedMail): string[] {
  const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}
