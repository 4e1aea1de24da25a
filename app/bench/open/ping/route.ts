import { ping } from '../../ping/ping';

// GET /bench/open/ping — benchmark only: the same answer on a public path.
export function GET() {
  return ping();
}
