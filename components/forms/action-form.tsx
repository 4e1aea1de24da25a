'use client';

import {
  createContext,
  startTransition,
  useActionState,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import {
  describeRules,
  fileProblems,
  type ChosenFile,
  type FileRules,
} from '@/lib/portal/file-rules';
import {
  idleState,
  joinProblems,
  problemLines,
  type FormState,
} from '@/lib/portal/form-state';

// A customer's form around a server action (lib/portal/customer-action.ts).
// It never clears what was typed when a write fails: submitting goes through
// onSubmit, so React does not reset the form, and without JavaScript the
// fields are filled again from the returned state. The submit button is off
// while a submission is on its way, and every submission carries the key the
// server handed out, so a repeat is recognised however it happens. File
// fields are checked here against their rules (count, size, type) before
// anything is sent, and again on the server; a form with a function action is
// posted as multipart by React, with or without JavaScript.
//
// Every problem shown belongs to the latest submission: while one is on its
// way nothing earlier is shown, and when the browser stops one (a bad file),
// the server's earlier problems stay only for fields still holding the very
// value the server refused.

type Action = (previous: FormState, form: FormData) => Promise<FormState>;

const StateContext = createContext<FormState>(idleState(''));

/** Problems found in the browser, by field; null clears what the server said about it. */
type LocalProblems = Record<string, string | null>;
const LocalContext = createContext<(field: string, problem: string | null) => void>(
  () => undefined,
);

export function useFormState(): FormState {
  return useContext(StateContext);
}

const CHECK_FIRST = 'Please correct the fields marked below.';

/** The files chosen in a file input, as the rules need them. */
function chosenFiles(input: HTMLInputElement): ChosenFile[] {
  return Array.from(input.files ?? [], (f) => ({ name: f.name, size: f.size }));
}

/**
 * A file input left empty still adds a nameless, empty file to the form's
 * data; sent with a server action it would arrive under a made-up name, so it
 * is left out (the server drops such entries too, for forms sent without
 * JavaScript).
 */
function withoutUnusedFileFields(data: FormData): FormData {
  const unused = new Set<string>();
  for (const [name, value] of data) {
    if (value instanceof File && value.name === '' && value.size === 0) unused.add(name);
  }
  for (const name of unused) {
    const kept = data
      .getAll(name)
      .filter((v) => !(v instanceof File && v.size === 0 && v.name === ''));
    data.delete(name);
    for (const value of kept) data.append(name, value);
  }

  return data;
}

/** Everything wrong with a file input's choice, a line per refused file; null if nothing. */
function choiceProblem(input: HTMLInputElement, rules: FileRules): string | null {
  const problems = fileProblems(chosenFiles(input), rules);
  return problems.length > 0 ? joinProblems(problems) : null;
}

function fileInputs(form: HTMLFormElement): HTMLInputElement[] {
  return Array.from(form.querySelectorAll<HTMLInputElement>('input[type=file]'));
}

/** Every file field of the form that breaks its rules, by name. */
function localFileProblems(form: HTMLFormElement): LocalProblems {
  const found: LocalProblems = {};
  for (const input of fileInputs(form)) {
    const rules = input.dataset.rules;
    if (!rules) continue;
    const problem = choiceProblem(input, JSON.parse(rules) as FileRules);
    if (problem) found[input.name] = problem;
  }

  return found;
}

/** Line ends as typed: browsers send a text area's as CRLF, and the server echoes those. */
const asTyped = (value: string) => value.replace(/\r\n/g, '\n');

/**
 * The server's problems that still hold for what the form now carries: those
 * of fields whose value is exactly the one the server refused. A field changed
 * since, and every file field (the browser has just checked those itself),
 * loses its old problem.
 */
function stillRefused(state: FormState, form: HTMLFormElement): Record<string, string> {
  const data = new FormData(form);
  const files = new Set(fileInputs(form).map((input) => input.name));
  const kept: Record<string, string> = {};
  for (const [field, problem] of Object.entries(state.problems)) {
    const now = data.get(field);
    const unchanged =
      asTyped(typeof now === 'string' ? now : '') === asTyped(state.values[field] ?? '');
    if (!files.has(field) && unchanged) kept[field] = problem;
  }

  return kept;
}

type Props = {
  action: Action;
  /** The first submission's key, made on the server for this rendering. */
  submission: string;
  submitLabel: string;
  /** Empties the fields after a success (a reply box); forms that edit keep them. */
  resetOnDone?: boolean;
  /** Extra hidden fields that name what the form acts on. */
  hidden?: Record<string, string | number>;
  className?: string;
  /** A change that cannot be undone from the portal gets the danger style. */
  danger?: boolean;
  /**
   * A step before sending: `label` opens the question, and the submit button
   * (submitLabel) is under it. A native disclosure, so it works without
   * JavaScript; the form's message stays outside it, so a failure shows
   * even when the page is drawn again with the step folded.
   */
  confirm?: { label: string; question: ReactNode };
  children?: ReactNode;
};

export function ActionForm({
  action,
  submission,
  submitLabel,
  resetOnDone = false,
  hidden = {},
  className,
  danger = false,
  confirm,
  children,
}: Props) {
  const questionId = useId();
  const [state, dispatch, pending] = useActionState(action, idleState(submission));
  // Files the browser refused, how many submissions it stopped (0: none since
  // the last send), and the server's problems that still held when it did.
  const [local, setLocal] = useState<{
    problems: LocalProblems;
    refusals: number;
    carried: Record<string, string>;
  }>({ problems: {}, refusals: 0, carried: {} });
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (state.status === 'idle') return;
    if (state.status === 'done' && resetOnDone) formRef.current?.reset();
    messageRef.current?.focus();
  }, [state, resetOnDone]);

  useEffect(() => {
    if (local.refusals > 0) messageRef.current?.focus();
  }, [local.refusals]);

  const setProblem = useCallback((field: string, problem: string | null) => {
    setLocal((now) => ({ ...now, problems: { ...now.problems, [field]: problem } }));
  }, []);

  const shown = useMemo((): FormState => {
    // A submission on its way has no verdict yet; the last one's is not its.
    if (pending) {
      return {
        ...state,
        status: 'idle',
        message: '',
        problems: {},
        reference: undefined,
      };
    }
    const problems = { ...(local.refusals > 0 ? local.carried : state.problems) };
    for (const [field, problem] of Object.entries(local.problems)) {
      if (problem) problems[field] = problem;
      else delete problems[field];
    }
    return local.refusals > 0
      ? {
          ...state,
          status: 'error',
          message: CHECK_FIRST,
          reference: undefined,
          problems,
        }
      : { ...state, problems };
  }, [state, local, pending]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const problems = localFileProblems(event.currentTarget);
    if (Object.keys(problems).length > 0) {
      const carried = stillRefused(state, event.currentTarget);
      setLocal((now) => ({ problems, refusals: now.refusals + 1, carried }));
      return;
    }
    // What the server says next replaces what the browser found.
    setLocal({ problems: {}, refusals: 0, carried: {} });
    const data = withoutUnusedFileFields(new FormData(event.currentTarget));
    startTransition(() => dispatch(data));
  }

  return (
    <StateContext.Provider value={shown}>
      <LocalContext.Provider value={setProblem}>
        <form
          ref={formRef}
          action={dispatch}
          onSubmit={submit}
          className={className ?? 'action-form'}
          aria-busy={pending}
          noValidate
        >
          <FormMessage state={shown} messageRef={messageRef} />
          <input type="hidden" name="submission" value={state.submission} />
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {children}
          {confirm ? (
            <details className="confirm-step">
              <summary className="button">{confirm.label}</summary>
              <div className="confirm-step-body">
                <p id={questionId}>{confirm.question}</p>
                <SubmitButton
                  label={submitLabel}
                  pending={pending}
                  danger={danger}
                  describedBy={questionId}
                />
              </div>
            </details>
          ) : (
            <SubmitButton label={submitLabel} pending={pending} danger={danger} />
          )}
        </form>
      </LocalContext.Provider>
    </StateContext.Provider>
  );
}

function SubmitButton({
  label,
  pending,
  danger,
  describedBy,
}: {
  label: string;
  pending: boolean;
  danger: boolean;
  describedBy?: string;
}) {
  return (
    <button
      type="submit"
      className={`button ${danger ? 'button-danger' : 'button-primary'}`}
      disabled={pending}
      aria-describedby={describedBy}
    >
      {pending ? 'Sending…' : label}
    </button>
  );
}

function FormMessage({
  state,
  messageRef,
}: {
  state: FormState;
  messageRef: React.RefObject<HTMLParagraphElement | null>;
}) {
  if (state.status === 'idle' || !state.message) return null;
  const failed = state.status === 'error';

  return (
    <p
      ref={messageRef}
      tabIndex={-1}
      className={failed ? 'form-error' : 'notice'}
      role={failed ? 'alert' : 'status'}
    >
      {state.message}
      {failed && state.reference ? (
        <span className="muted"> Reference: {state.reference}</span>
      ) : null}
      {!failed && state.href ? (
        <>
          {' '}
          <a href={state.href}>View it</a>
        </>
      ) : null}
      {!failed && state.reveal ? (
        <code className="reveal-value" translate="no">
          {state.reveal}
        </code>
      ) : null}
    </p>
  );
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
};

/** The label, hint and problem of one field, with the ids that tie them to the control. */
function useField(name: string, hint?: string) {
  const state = useFormState();
  const problem = state.problems[name];
  const id = `field-${name}`;
  const describedBy =
    [problem ? `${id}-problem` : null, hint ? `${id}-hint` : null]
      .filter(Boolean)
      .join(' ') || undefined;

  return { state, problem, id, describedBy };
}

function FieldFrame({
  id,
  label,
  hint,
  problem,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  problem?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="muted" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {children}
      <Problem id={id} problem={problem} />
    </div>
  );
}

/** A field's problem; several (each refused file) as a list, one item each. */
function Problem({ id, problem }: { id: string; problem?: string }) {
  if (!problem) return null;
  const lines = problemLines(problem);
  if (lines.length < 2) {
    return (
      <span className="field-problem" id={`${id}-problem`}>
        {problem}
      </span>
    );
  }

  return (
    <ul className="field-problem field-problems" id={`${id}-problem`}>
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

export function TextField({
  name,
  label,
  hint,
  defaultValue = '',
  required,
  type = 'text',
  autoComplete,
  maxLength,
}: FieldProps & { type?: string; autoComplete?: string; maxLength?: number }) {
  const { state, problem, id, describedBy } = useField(name, hint);

  return (
    <FieldFrame id={id} label={label} hint={hint} problem={problem}>
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete}
        maxLength={maxLength}
        defaultValue={state.values[name] ?? defaultValue}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
      />
    </FieldFrame>
  );
}

export function TextArea({
  name,
  label,
  hint,
  defaultValue = '',
  required,
  rows = 8,
  maxLength,
}: FieldProps & { rows?: number; maxLength?: number }) {
  const { state, problem, id, describedBy } = useField(name, hint);

  return (
    <FieldFrame id={id} label={label} hint={hint} problem={problem}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={required}
        maxLength={maxLength}
        defaultValue={state.values[name] ?? defaultValue}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
      />
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  hint,
  defaultValue = '',
  required,
  options,
}: FieldProps & { options: readonly { value: string; label: string }[] }) {
  const { state, problem, id, describedBy } = useField(name, hint);

  return (
    <FieldFrame id={id} label={label} hint={hint} problem={problem}>
      <select
        id={id}
        name={name}
        required={required}
        defaultValue={state.values[name] ?? defaultValue}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A box to tick, sent as `value` when ticked (a confirmation); the label may carry markup. */
export function CheckboxField({
  name,
  label,
  hint,
  value = 'yes',
  required,
}: Omit<FieldProps, 'defaultValue' | 'label'> & { label: ReactNode; value?: string }) {
  const { state, problem, id, describedBy } = useField(name, hint);

  return (
    <div className="field field-checkbox">
      <span className="checkbox-row">
        <input
          id={id}
          name={name}
          type="checkbox"
          value={value}
          required={required}
          defaultChecked={state.values[name] === value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
        />
        <label htmlFor={id}>{label}</label>
      </span>
      {hint ? (
        <span className="muted" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <Problem id={id} problem={problem} />
    </div>
  );
}

/**
 * Files to send with the form, checked against `rules` as soon as they are
 * chosen and again before sending; the server checks them once more, contents
 * included. Without JavaScript only the server's check applies.
 */
export function FileField({
  name,
  label,
  hint,
  rules,
}: Omit<FieldProps, 'defaultValue' | 'required'> & { rules: FileRules }) {
  const words = hint ? `${hint} ${describeRules(rules)}` : describeRules(rules);
  const { problem, id, describedBy } = useField(name, words);
  const setProblem = useContext(LocalContext);

  return (
    <FieldFrame id={id} label={label} hint={words} problem={problem}>
      <input
        id={id}
        name={name}
        type="file"
        multiple={rules.maxFiles > 1}
        accept={rules.extensions.join(',')}
        data-rules={JSON.stringify(rules)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => setProblem(name, choiceProblem(event.currentTarget, rules))}
      />
    </FieldFrame>
  );
}
