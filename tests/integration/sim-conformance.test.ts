import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { CASES, defined } from '../support/conformance-cases';
import { shapeDiff, shapeOf } from '../support/json-shape';
import { api, at, example, TEST_NOW } from '../support/sim-http';

describe('simulator answers have the shape of the official examples', () => {
  let running: RunningSimulator;
  beforeAll(async () => {
    running = await startSimulator({ now: TEST_NOW });
  });
  afterAll(() => running.close());

  it.each(CASES)('$action', async ({ action, calls, lists = [], allow = [] }) => {
    const reference = shapeOf(example(action));
    const answers: unknown[] = [];
    const problems: Record<string, string[]> = {};

    for (const fields of calls(running.sim.state)) {
      const answer = await api(running.url, action, defined(fields));
      answers.push(answer);
      const diff = shapeDiff(shapeOf(answer), reference, allow);
      if (diff.length) problems[JSON.stringify(fields)] = diff;
    }

    expect(problems).toEqual({});
    for (const path of lists) {
      const sizes = answers.map(
        (a) => (at(a, ...path) as unknown[] | undefined)?.length ?? 0,
      );
      expect(
        Math.max(...sizes),
        `some ${path.join('.')} list is non-empty`,
      ).toBeGreaterThan(0);
    }
  });
});
