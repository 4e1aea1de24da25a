import { ping } from './ping';

// GET /bench/ping — benchmark only: trivial answer behind the proxy's session check.
export function GET() {
  return ping();
}
