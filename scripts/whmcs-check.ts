// npm run whmcs:check -- DIR
// Prints, for each *.json answer in DIR, what the portal makes of it, then a
// summary. Exit code 0 (it is a report) unless DIR cannot be read (2).
import { checkDir } from '@/lib/whmcs/check';

async function main(dir: string | undefined): Promise<number> {
  if (!dir) {
    console.error('usage: npm run whmcs:check -- DIR');
    return 2;
  }

  try {
    const report = await checkDir(dir);
    for (const line of report.lines) console.log(line);
    console.log(report.summary);
    return 0;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
    console.error(`whmcs:check: cannot read ${dir} (${code})`);
    return 2;
  }
}

process.exitCode = await main(process.argv[2]);
