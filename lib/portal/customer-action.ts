import 'server-only';
import { randomUUID } from 'node:crypto';
import { forbidden, notFound, redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { securityEvent } from '@/lib/auth/events';
import { can, requireCustomer, type CustomerSession } from '@/lib/auth/guards';
import { requestContext } from '@/lib/request';
import { audited, AuditUnavailableError } from '@/lib/security/audit';
import { store } from '@/lib/store';
import { StoreUnavailableError } from '@/lib/store/types';
import { WhmcsError } from '@/lib/whmcs/errors';
import type { Permission } from '@/lib/whmcs/types';
import { findUser, getUserPermissions } from '@/lib/whmcs/users';
import type { FormState } from '@/lib/portal/form-state';
import { isChosen, isFileLike } from '@/lib/portal/attachments';
import { requireStepUp } from '@/lib/portal/step-up';
import { noteDetail, type ActivityNote } from '@/lib/portal/activity';

// The one way a customer changes anything. After the session guard it checks,
// in this order, before anything is sent: the WHMCS right the token holds
// (403); fields the form does not list (refused as forged); the strict schema
// (nothing is sent on bad input); the login's place on the account and, for a
// non-owner, the right, asked of WHMCS again (403; a login taken off the
// account or demoted there stops at once); a recent sign-in for step-up
// actions; and the submission key of idempotent forms (a repeat gets the
// first answer, never a second write). Then the change runs inside the
// activity trail: its entry is written first, and no entry, no change. A
// record of another client answers 404, as a missing one does.

export type Outcome = {
  /** What the person reads on success. */
  message: string;
  /** A page to offer afterwards (e.g. the ticket just opened). */
  href?: string;
  /** Leave the portal for this URL at once (a single-use sign-in link). */
  redirectTo?: string;
  /** A value shown once with the message (a transfer code): never kept for repeats. */
  reveal?: string;
  /** The record as the customer knows it, for the activity entry (lib/portal/activity.ts). */
  note?: ActivityNote;
};

/**
 * Thrown by `run` when the change cannot be made, for a reason the person can
 * act on, found before anything was sent (e.g. a service that is not active):
 * they read `message`, and the activity entry records a failure.
 */
export class ActionRefused extends Error {
  override name = 'ActionRefused';
}

export type CustomerActionSpec<S extends z.ZodType> = {
  /** The activity trail's name for it, e.g. 'ticket.reply'. */
  action: string;
  /** The WHMCS rights a non-owner user needs (all of them); owners hold every right. */
  permission?: Permission | readonly Permission[];
  /** A further right that depends on what was asked, e.g. naming a service needs `products`. */
  alsoNeeds?: (input: z.output<S>) => Permission | undefined;
  /** A `.strict()` schema of the fields below. */
  input: S;
  /** The form fields read into `input`. */
  fields: readonly string[];
  /** File fields among them, read as lists (without the empty entry of an unused input). */
  files?: readonly string[];
  /** Fields never echoed back into the form (passwords). */
  secret?: readonly string[];
  /**
   * For actions that need a recent sign-in: the page to come back to, or null
   * when this input needs none (the registrar lock turned on, a profile change
   * that keeps the email address). May read WHMCS to decide.
   */
  stepUp?: (
    input: z.output<S>,
    session: CustomerSession,
  ) => string | null | Promise<string | null>;
  /** When set, the form's `submission` key makes repeats return the first answer. */
  idempotent?: boolean;
  /** What the activity entry names as changed, e.g. `ticket:12`. */
  target: (input: z.output<S>) => string;
  /** What the input alone tells the activity entry, e.g. a switch turned `off`. */
  note?: (input: z.output<S>) => ActivityNote;
  /** Better words for known refusals (WHMCS's message in, the person's words out). */
  refusal?: (whmcsMessage: string | undefined) => string | undefined;
  /** Checks ownership (throwing not_found), then makes the change. */
  run: (input: z.output<S>, session: CustomerSession) => Promise<Outcome>;
};

const KEY = z.uuid();
/** How long a submission's answer is kept for repeats. */
const REPEAT_WINDOW_SECONDS = 24 * 60 * 60;

/** Fields every action form carries: its submission key, and Next's own action fields. */
const FRAME = /^(submission|\$ACTION_.*)$/;

/** The names in `form` that are neither listed nor part of every action form. */
export function fieldsOutside(form: FormData, listed: readonly string[]): string[] {
  const names = new Set(form.keys());

  return [...names].filter((name) => !listed.includes(name) && !FRAME.test(name));
}

export const MESSAGES = {
  forged:
    'This form carried fields that cannot be changed here, so nothing was changed. ' +
    'Please reload the page and try again.',
  busy: 'This form is already being sent. Wait a moment, then reload the page to check.',
  uncertain:
    'We sent this, but the answer got lost on the way back, so it may have gone through. ' +
    'Please check before you try again.',
  unavailable:
    'We could not reach our billing system, so nothing was changed. What you typed is ' +
    'kept: please try again in a few minutes.',
  refused: 'Our billing system did not accept this, so nothing was changed.',
  store:
    'We cannot record changes right now, so nothing was changed. Please try again in a ' +
    'few minutes.',
} as const;

export async function customerAction<S extends z.ZodType>(
  previous: FormState,
  form: FormData,
  spec: CustomerActionSpec<S>,
): Promise<FormState> {
  const session = await requireCustomer();
  const rights: Permission[] = [spec.permission ?? []].flat();
  if (!rights.every((right) => can(session, right))) forbidden();
  // A field the form does not list is not dropped quietly: nobody filling in
  // the portal's own form sends one, so the request is forged, and refused.
  const forged = fieldsOutside(form, spec.fields);
  if (forged.length > 0) {
    securityEvent('security.form.refused', {
      action: spec.action,
      fields: forged.join(',').slice(0, 200),
    });
    return {
      status: 'error',
      message: MESSAGES.forged,
      problems: {},
      values: {},
      submission: previous.submission,
    };
  }

  const values = typedValues(form, spec);
  const submission = keyOf(form) ?? previous.submission;
  const state = (status: FormState['status'], message: string): FormState => ({
    status,
    message,
    problems: {},
    values: status === 'done' ? {} : values,
    submission,
  });

  // Async: a schema may read the files it was given (their contents decide).
  const parsed = await spec.input.safeParseAsync(namedFields(form, spec));
  if (!parsed.success) {
    return {
      ...state('error', 'Please correct the fields marked below.'),
      problems: problemsOf(parsed.error),
    };
  }
  const input = parsed.data;
  const extra = spec.alsoNeeds?.(input);
  if (extra && !can(session, extra)) forbidden();
  if (extra) rights.push(extra);
  // The token holds the standing read at sign-in; a change asks WHMCS again,
  // so a login taken off the account, demoted from owner or stripped of a
  // right there stops making changes at once, not at its next sign-in.
  const standing = await standingNow(session, rights.length > 0).catch(
    (error: unknown) => {
      if (error instanceof WhmcsError) return null;
      throw error;
    },
  );
  if (standing === null) return unavailable(previous, form, spec);
  if (standing === 'gone') forbidden();
  if (!standing.isOwner && !rights.every((right) => standing.permissions.includes(right)))
    forbidden();

  const back = await stepUpPage(spec, input, session);
  if (back === undefined) return unavailable(previous, form, spec);
  if (back !== null) await requireStepUp(session, back);

  const result = spec.idempotent
    ? await onceForKey(session, spec.action, keyOf(form), values, () =>
        perform(session, spec, input, state),
      )
    : await perform(session, spec, input, state);
  if (result.redirectTo) redirect(result.redirectTo);

  return result.state;
}

/** The page to confirm for, null when no step-up is needed, undefined when WHMCS could not say. */
async function stepUpPage<S extends z.ZodType>(
  spec: CustomerActionSpec<S>,
  input: z.output<S>,
  session: CustomerSession,
): Promise<string | null | undefined> {
  try {
    return spec.stepUp ? await spec.stepUp(input, session) : null;
  } catch (error) {
    if (error instanceof WhmcsError) return undefined;
    throw error;
  }
}

type Performed = { state: FormState; redirectTo?: string };

type Standing = { isOwner: boolean; permissions: readonly Permission[] };

/** The login's place on the session's client account, as WHMCS has it now. */
async function standingNow(
  session: CustomerSession,
  withRights: boolean,
): Promise<Standing | 'gone'> {
  const user = await findUser(session.email, session.userId);
  const link = user?.clients.find((c) => c.clientId === session.clientId);
  if (!link) return 'gone';
  if (link.isOwner || !withRights) return { isOwner: link.isOwner, permissions: [] };

  return {
    isOwner: false,
    permissions: await getUserPermissions(session.userId, session.clientId),
  };
}

/** WHMCS could not confirm the user's rights: nothing ran, and what was typed is kept. */
async function unavailable<S extends z.ZodType>(
  previous: FormState,
  form: FormData,
  spec: CustomerActionSpec<S>,
): Promise<FormState> {
  return {
    status: 'error',
    message: MESSAGES.unavailable,
    problems: {},
    values: typedValues(form, spec),
    submission: keyOf(form) ?? previous.submission,
    reference: (await requestContext()).requestId,
  };
}

async function perform<S extends z.ZodType>(
  session: CustomerSession,
  spec: CustomerActionSpec<S>,
  input: z.output<S>,
  state: (status: FormState['status'], message: string) => FormState,
): Promise<Performed> {
  const { requestId, ip } = await requestContext();
  const failure = (message: string): Performed => ({
    state: { ...state('error', message), reference: requestId },
  });
  try {
    const who = { actor: `customer:${session.userId}`, ip };
    const outcome = await audited(
      who,
      spec.action,
      spec.target(input),
      () => spec.run(input, session),
      {
        detail: { clientId: session.clientId, ...noteDetail(spec.note?.(input)) },
        after: (outcome) => noteDetail(outcome.note),
        event: 'customer.action',
      },
    );
    const done: FormState = {
      ...state('done', outcome.message),
      submission: randomUUID(),
      ...(outcome.href && { href: outcome.href }),
      ...(outcome.reveal && { reveal: outcome.reveal }),
    };

    return { state: done, redirectTo: outcome.redirectTo };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ActionRefused) return failure(error.message);
    if (error instanceof AuditUnavailableError || error instanceof StoreUnavailableError)
      return failure(MESSAGES.store);
    if (!(error instanceof WhmcsError)) throw error;
    if (error.kind === 'not_found') notFound();
    if (error.kind === 'uncertain') return failure(MESSAGES.uncertain);
    if (error.kind === 'refused')
      return failure(spec.refusal?.(error.whmcsMessage) ?? MESSAGES.refused);

    return failure(MESSAGES.unavailable);
  }
}

/**
 * Runs a submission once per key. The first request claims the key and keeps
 * its answer; a repeat (double click, browser retry, resubmitted form) gets
 * that answer, or "already being sent" while the first is still running. A
 * submission without a valid key is refused rather than run unguarded.
 */
async function onceForKey(
  session: CustomerSession,
  action: string,
  key: string | null,
  /** What this request typed: put back into a kept answer, never stored. */
  typed: Record<string, string>,
  run: () => Promise<Performed>,
): Promise<Performed> {
  const busy = (message: string): Performed => ({
    state: {
      status: 'error',
      message,
      problems: {},
      values: {},
      submission: randomUUID(),
    },
  });
  if (!key) return busy('This form has expired. Please reload the page and try again.');

  const name = `submission:${session.userId}:${session.clientId}:${action}:${key}`;
  let claimed: boolean;
  try {
    claimed = await store().counters.claim(name, REPEAT_WINDOW_SECONDS);
  } catch {
    return busy(MESSAGES.store);
  }
  if (!claimed) {
    const kept = await store()
      .counters.recall(name)
      .catch(() => null);
    const first = kept === null ? null : parseKept(kept);

    if (!first) return busy(MESSAGES.busy);
    return { state: first.status === 'done' ? first : { ...first, values: typed } };
  }

  const result = await run();
  // A repeat must never run the change again; it gets this answer (a failure
  // that sent nothing keeps the key, so the next try needs a fresh one).
  const answer: FormState =
    result.state.status === 'done'
      ? result.state
      : { ...result.state, submission: randomUUID() };
  // A value shown once, and what the person typed, are never written to the store.
  const { reveal: _shownOnce, ...kept } = { ...answer, values: {} };
  await store()
    .counters.remember(name, JSON.stringify(kept), REPEAT_WINDOW_SECONDS)
    .catch(() => undefined);

  return { ...result, state: answer };
}

const kept = z.object({
  status: z.enum(['idle', 'done', 'error']),
  message: z.string(),
  problems: z.record(z.string(), z.string()),
  values: z.record(z.string(), z.string()),
  submission: z.string(),
  href: z.string().optional(),
  reference: z.string().optional(),
});

function parseKept(text: string): FormState | null {
  try {
    const parsed = kept.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function keyOf(form: FormData): string | null {
  const parsed = KEY.safeParse(form.get('submission'));
  return parsed.success ? parsed.data : null;
}

/** The named fields; file fields as lists, without the empty entry of an unused input. */
function namedFields<S extends z.ZodType>(
  form: FormData,
  spec: CustomerActionSpec<S>,
): Record<string, unknown> {
  return Object.fromEntries(
    spec.fields.map((field) => [
      field,
      spec.files?.includes(field)
        ? form.getAll(field).filter((v) => !isFileLike(v) || isChosen(v))
        : (form.get(field) ?? undefined),
    ]),
  );
}

function typedValues<S extends z.ZodType>(
  form: FormData,
  spec: CustomerActionSpec<S>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of spec.fields) {
    const value = form.get(field);
    if (typeof value === 'string' && !spec.secret?.includes(field)) {
      values[field] = value.slice(0, 20_000);
    }
  }
  return values;
}

function problemsOf(error: z.ZodError): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    problems[field] ??= issue.message;
  }
  return problems;
}
