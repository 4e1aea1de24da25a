import 'server-only';
import { ConfigError, env } from '@/lib/env';

/** Validates the configuration at start-up; a bad setting stops the server with one line. */
export function checkConfiguration(): void {
  try {
    env();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
