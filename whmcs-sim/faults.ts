// Faults on demand: a plan of rules, each for one action or for all, that delays
// answers or breaks them the ways a real WHMCS (or what stands in front of it)
// does. Random draws come from a seeded generator, so a run can be repeated.
// server.ts and msw.ts both answer through `answerWithFaults` (fault-answer.ts).
import { createRng, type Rng } from './util';

export const FAULT_KINDS = [
  'timeout', // no answer at all
  'http500',
  'http502',
  'http503',
  'html', // a maintenance page with status 200
  'truncated', // the JSON answer cut off half-way
  'malformed', // a PHP notice printed before the JSON
  'invalid_ip', // the API IP allow list refuses the caller (403)
  'auth_failed', // the API secret is wrong (403)
  'role_gap', // the API role lacks this action (403)
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Faults a caller can retry through; the others need an operator. */
export const TRANSIENT_FAULTS: readonly FaultKind[] = FAULT_KINDS.slice(0, 7);

export type FaultRule = {
  /** The action it applies to, any case; omitted or '*': every action. */
  action?: string;
  /** Extra delay in ms: fixed, or [min, max] drawn at random per call. */
  latencyMs?: number | [number, number];
  /** What goes wrong; from a list, one is drawn per call. */
  fail?: FaultKind | FaultKind[];
  /** Share of the matching calls it hits (0–1, default 1). */
  rate?: number;
};

export type FaultPlan = { seed?: number; rules: FaultRule[] };

export type Decision = { delayMs: number; fault: FaultKind | null };

export type Faults = {
  readonly plan: FaultPlan;
  /** Replaces the plan (and restarts the random sequence from its seed). */
  set(plan: FaultPlan): void;
  clear(): void;
  decide(action: string): Decision;
  /** How many calls each fault broke, and how many were delayed, since the last set(). */
  readonly injected: Partial<Record<FaultKind | 'delayed', number>>;
  /** Requests being answered now, and the most at once since the last set(). */
  readonly load: { inFlight: number; peak: number };
};

export function createFaults(initial: FaultPlan = { rules: [] }): Faults {
  let rng: Rng = createRng(0);
  const faults: Faults = {
    plan: initial,
    injected: {},
    load: { inFlight: 0, peak: 0 },
    set(plan) {
      const load = { inFlight: faults.load.inFlight, peak: faults.load.inFlight };
      Object.assign(faults, { plan: parsePlan(plan), injected: {}, load });
      rng = createRng(plan.seed ?? 1);
    },
    clear: () => faults.set({ rules: [] }),
    decide(action) {
      const decision = decideWith(faults.plan, action, rng);
      const { injected } = faults;
      if (decision.delayMs > 0) injected.delayed = (injected.delayed ?? 0) + 1;
      if (decision.fault) injected[decision.fault] = (injected[decision.fault] ?? 0) + 1;

      return decision;
    },
  };
  faults.set(initial);

  return faults;
}

function decideWith(plan: FaultPlan, action: string, rng: Rng): Decision {
  const name = action.toLowerCase();
  const decision: Decision = { delayMs: 0, fault: null };
  for (const rule of plan.rules) {
    const matches =
      !rule.action || rule.action === '*' || rule.action.toLowerCase() === name;
    if (!matches || rng.next() >= (rule.rate ?? 1)) continue;

    const { latencyMs = 0, fail } = rule;
    decision.delayMs += Array.isArray(latencyMs)
      ? rng.int(latencyMs[0], latencyMs[1])
      : latencyMs;
    if (fail && !decision.fault)
      decision.fault = Array.isArray(fail) ? rng.pick(fail) : fail;
  }

  return decision;
}

/** Checks a plan from JSON (SIM_FAULTS, the control endpoint); throws on anything odd. */
export function parsePlan(input: unknown): FaultPlan {
  const plan = input as FaultPlan;
  if (typeof plan !== 'object' || plan === null || !Array.isArray(plan.rules))
    throw new Error('a fault plan is { "seed"?: number, "rules": [...] }');
  if (plan.seed !== undefined && !Number.isInteger(plan.seed))
    throw new Error('seed must be a whole number');
  for (const rule of plan.rules) checkRule(rule);

  return { seed: plan.seed, rules: plan.rules.map((rule) => ({ ...rule })) };
}

function checkRule(rule: FaultRule): void {
  const kinds = rule.fail === undefined ? [] : [rule.fail].flat();
  const unknown = kinds.find((k) => !FAULT_KINDS.includes(k));
  if (unknown !== undefined || (Array.isArray(rule.fail) && kinds.length === 0))
    throw new Error(`unknown fault ${String(unknown)}; known: ${FAULT_KINDS.join(', ')}`);
  if (rule.rate !== undefined && !(rule.rate >= 0 && rule.rate <= 1))
    throw new Error('rate must be between 0 and 1');
  const delays = [rule.latencyMs ?? 0].flat();
  if (delays.length > 2 || delays.some((ms) => !Number.isInteger(ms) || ms < 0))
    throw new Error('latencyMs is a whole number of ms or [min, max]');
  if (rule.action !== undefined && typeof rule.action !== 'string')
    throw new Error('action must be a string');
}
