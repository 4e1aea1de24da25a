// Runs once when the server starts, so a bad setting stops it before it serves.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfiguration } = await import('@/lib/startup');
    checkConfiguration();
  }
}
