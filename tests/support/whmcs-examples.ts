import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { AllowedAction } from '@/lib/whmcs/allowlist';
import { interpret, type RawAnswer } from '@/lib/whmcs/classify';
import { schemas } from '@/lib/whmcs/schemas';

// The official example answers (tests/fixtures/whmcs-examples, copied from the
// WHMCS docs; derived/ holds re-nested copies of the ones the docs flatten).

const FIXTURES = new URL('../fixtures/whmcs-examples/', import.meta.url);

export function exampleText(file: string): string {
  return readFileSync(new URL(file, FIXTURES), 'utf8');
}

/** An example as a live 200 JSON answer. */
export function exampleAnswer(file: string): RawAnswer {
  return {
    httpStatus: 200,
    contentType: 'application/json',
    bodyText: exampleText(file),
  };
}

type Output<A extends AllowedAction> = z.output<(typeof schemas)[A]>;

/** The example mapped by the action's schema; throws the WhmcsError otherwise. */
export function parseExample<A extends AllowedAction>(
  action: A,
  file = `${action}.json`,
) {
  const schema: z.ZodType = schemas[action];
  const outcome = interpret(action, exampleAnswer(file), schema);
  if (!outcome.ok) throw outcome.error;

  return outcome.data as Output<A>;
}

/** A wire date-time read as UTC: utc('2016-01-01 06:26:29'). */
export function utc(wire: string): Date {
  return new Date(`${wire.replace(' ', 'T')}${wire.length === 10 ? 'T00:00:00' : ''}Z`);
}
