// Types for soak-report.mjs, for the tests that check the soak's verdict.
export type SoakResponse = {
  path: string;
  status: number;
  requestId: string | null;
  degraded: boolean;
  ms: number;
};
type Memory = { rss: number; heap: number };

export type SoakInput = {
  responses: SoakResponse[];
  output: { stdout: string; stderr: string };
  memory: { cold: Memory; start: Memory; end: Memory };
  injected: Record<string, number>;
  seconds: number;
};

export type SoakReport = {
  requests: number;
  statuses: Record<string, number>;
  portal5xxExplained: number;
  portal5xxUnexplained: string[];
  unhandledErrors: string[];
  memoryGrowth: number;
  rssGrowth: number;
};

export const LIMITS: {
  unexplained5xx: number;
  unhandledErrors: number;
  memoryGrowth: number;
};
export function analyse(input: SoakInput): SoakReport;
export function verdict(report: SoakReport): string[];
export function print(report: SoakReport, problems: string[]): void;
