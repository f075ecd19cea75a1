import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

/** Where Debian's `dovecot-imapd` puts the binary (scripts/setup-machine.sh installs it). */
export const DOVECOT_BINARY = '/usr/sbin/dovecot';

export interface DovecotUser {
  user: string;
  pass: string;
}

export interface DovecotServer {
  host: string;
  port: number;
  users: readonly DovecotUser[];
  /** The throwaway directory (config, passwd-file, maildirs, log). */
  dir: string;
  /** Appends a raw message to a user's mailbox over IMAP APPEND, as a mail server delivering it would. */
  append(user: string, raw: string | Buffer, options?: { mailbox?: string; flags?: string[] }): Promise<void>;
  /** Opens a logged-in imapflow client for assertions; the caller logs out. */
  client(user: string): Promise<ImapFlow>;
  /** Dovecot's log, for failing tests. */
  log(): Promise<string>;
  stop(): Promise<void>;
}

export interface StartDovecotOptions {
  users?: readonly DovecotUser[];
  /** 0 (default) picks a free loopback port. */
  port?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`dovecot exited with code ${child.exitCode}`);
    }
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`dovecot did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/** Dovecot refuses to run mail as root; as root we use Debian's `mail` user, otherwise ourselves. */
function mailIdentity(): { uid: number; gid: number; user: string } {
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0) {
    const user = process.env['USER'] ?? 'nobody';
    return { uid, gid: process.getgid?.() ?? uid, user };
  }
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('mail:'));
  const [, , u, g] = (line ?? 'mail:x:8:8').split(':');
  return { uid: Number(u), gid: Number(g), user: 'mail' };
}

/**
 * Starts a real Dovecot IMAP server on a loopback port with a throwaway config, a passwd-file and Maildirs in
 * a temp directory. Plain IMAP without TLS (loopback only), PLAIN/LOGIN auth. Stop it with `stop()`.
 */
export async function startDovecot(options: StartDovecotOptions = {}): Promise<DovecotServer> {
  if (!existsSync(DOVECOT_BINARY)) {
    throw new Error(`${DOVECOT_BINARY} missing: run scripts/setup-machine.sh (Debian package dovecot-imapd)`);
  }
  const users = options.users ?? [{ user: 'intake', pass: 'intake-test-password' }];
  const port = options.port ?? (await freePort());
  // Short path: Dovecot's unix sockets live under base_dir and sun_path is limited to 108 bytes.
  const dir = await mkdtemp(join(tmpdir(), 'dovecot-'));
  await chmod(dir, 0o755);
  const id = mailIdentity();
  for (const sub of ['run', 'state', 'mail']) {
    await mkdir(join(dir, sub));
  }
  await chown(join(dir, 'mail'), id.uid, id.gid);
  await writeFile(join(dir, 'passwd'), users.map((u) => `${u.user}:{PLAIN}${u.pass}::::::\n`).join(''), {
    mode: 0o644, // the auth process runs as the dovecot user; test-only passwords
  });
  const rootOnly = process.getuid?.() === 0;
  const config = `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = ${id.uid}
last_valid_uid = ${id.uid}
first_valid_gid = ${id.gid}
mail_location = maildir:${dir}/mail/%u
${rootOnly ? '' : `default_internal_user = ${id.user}\ndefault_login_user = ${id.user}\ndefault_internal_group = ${process.getgid?.() ?? id.gid}`}
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${id.uid} gid=${id.gid} home=${dir}/mail/%u
}
namespace inbox {
  inbox = yes
  separator = /
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`;
  const configPath = join(dir, 'dovecot.conf');
  await writeFile(configPath, config);
  const child = spawn(DOVECOT_BINARY, ['-F', '-c', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  try {
    await waitForPort(port, child, 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    const log = await readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${stderr}\n${log}`, { cause: error });
  }

  const password = (user: string): string => {
    const found = users.find((u) => u.user === user);
    if (found === undefined) {
      throw new Error(`no dovecot test user ${user}`);
    }
    return found.pass;
  };
  const client = async (user: string): Promise<ImapFlow> => {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password(user) },
      logger: false,
    });
    c.on('error', () => {});
    await c.connect();
    return c;
  };
  return {
    host: '127.0.0.1',
    port,
    users,
    dir,
    async append(user, raw, opts = {}) {
      const c = await client(user);
      try {
        const mailbox = opts.mailbox ?? 'INBOX';
        if (mailbox !== 'INBOX' && !(await c.list()).some((b) => b.path === mailbox)) {
          await c.mailboxCreate(mailbox);
        }
        await c.append(mailbox, raw, opts.flags ?? []);
      } finally {
        await c.logout();
      }
    },
    client,
    log: () => readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => ''),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
