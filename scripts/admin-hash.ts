// npm run admin:hash [-- --totp] [-- --username=NAME] [-- --log-n=16]
// Asks for a staff password without echoing it (or reads the first line of
// piped stdin, for scripts) and prints its scrypt hash for ADMIN_USERS. With
// --totp it also prints a new TOTP secret and an otpauth:// URI for an app.
import { DEFAULT_COST, hashPassword } from '@/lib/auth/password-hash';
import { newTotpSecret, otpauthUri } from '@/lib/auth/totp';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [key = '', value = 'true'] = a.replace(/^--/, '').split('=');
    return [key, value] as const;
  }),
);

/** Reads one line from the terminal with echo off; Ctrl+C aborts. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  let typed = '';

  return new Promise((resolve, reject) => {
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') return finish(new Error('aborted'));
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    const finish = (error: Error | null) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    input.on('data', onData);
  });
}

async function readPiped(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);

  return text.split(/\r?\n/)[0] ?? '';
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await promptHidden('Staff password: ');
  const again = await promptHidden('Again: ');
  if (first !== again) throw new Error('the two passwords differ');

  return first;
}

async function main(): Promise<number> {
  const logN = Number(args.get('log-n') ?? Math.log2(DEFAULT_COST.N));
  if (!Number.isInteger(logN) || logN < 15 || logN > 20) {
    console.error('admin:hash: --log-n must be a whole number from 15 to 20');
    return 2;
  }
  const password = await readPassword();
  if (password.length < 12) {
    console.error('admin:hash: use a password of at least 12 characters');
    return 2;
  }

  console.log(await hashPassword(password, { ...DEFAULT_COST, N: 2 ** logN }));
  if (args.has('totp')) {
    const secret = newTotpSecret();
    const account = args.get('username') ?? 'staff';
    console.log(`TOTP secret: ${secret}`);
    console.log(otpauthUri('Kraken Portal', account, secret));
  }
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(`admin:hash: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
