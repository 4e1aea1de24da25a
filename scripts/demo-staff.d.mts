// Types for demo-staff.mjs, for the TypeScript that imports it (tests).
import type { DemoStaff } from './stack.mjs';

export function demoStaff(options?: {
  password?: string;
  totpSecret?: string;
}): DemoStaff;
