// Types for stack.mjs, for the TypeScript that imports it (the benchmark).
import type { ChildProcess } from 'node:child_process';

export function freePort(): Promise<number>;
export const DEMO_IDENTIFIER: string;
export const DEMO_SECRET: string;

export type StackOptions = {
  port?: number;
  simPort?: number;
  latencyMs?: number;
  quiet?: boolean;
  /** Extra settings for the portal process. */
  extraEnv?: Record<string, string>;
  /** Extra settings for the simulator process. */
  simEnv?: Record<string, string>;
};

/** The demo's staff account (scripts/demo-staff.mjs). */
export type DemoStaff = {
  username: string;
  role: string;
  password: string;
  totpSecret: string;
  adminUsers: string;
};

export type Stack = {
  url: string;
  staff: DemoStaff;
  simUrl: string;
  sim: ChildProcess;
  portal: ChildProcess;
  stop(): void;
};

export function startStack(options: StackOptions): Promise<Stack>;
