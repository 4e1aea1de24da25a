// What a form accepts as files, and the first thing wrong with a choice of
// files. No server-only import: the form checks the same rules in the browser
// before anything is sent (so a file that is too large never reaches Next's
// body limit), and the server checks them again, with the contents
// (lib/portal/attachments.ts), because a browser's word proves nothing.
// Both report every refused file, each with its reason.

export type FileRules = {
  /** How many files one submission may carry. */
  maxFiles: number;
  /** The most one file may weigh, in bytes. */
  maxBytes: number;
  /** Lower-case extensions with their dot, e.g. `.png`. */
  extensions: readonly string[];
};

/** Ticket attachments: what support can open safely, small enough for WHMCS. */
export const TICKET_FILES: FileRules = {
  maxFiles: 5,
  maxBytes: 2 * 1024 * 1024,
  extensions: ['.jpg', '.jpeg', '.png', '.gif', '.pdf', '.txt', '.log', '.zip'],
};

export type ChosenFile = { name: string; size: number };

/**
 * "2 MB", "2.1 MB", "512 KB", "17 bytes": binary units, as the limits are set,
 * rounded up, so a file over a limit never reads as equal to it.
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const tenths = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
    return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)} MB`;
  }
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;

  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** `.png` for "Screen Shot.PNG"; "" when the name has no extension. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');

  return dot > 0 || (dot === 0 && base.length > 1) ? base.slice(dot).toLowerCase() : '';
}

/** A file's name as shown in a message: its last 60 characters at most. */
export function shownName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.length > 60 ? `…${base.slice(-59)}` : base;
}

/** The limits in one sentence, for the field's hint. */
export function describeRules(rules: FileRules): string {
  return (
    `Up to ${rules.maxFiles} files, at most ${formatBytes(rules.maxBytes)} each: ` +
    `${rules.extensions.join(', ')}.`
  );
}

/** What is wrong with one file by its name and size, naming it and the limit; null if nothing. */
export function oneFileProblem(file: ChosenFile, rules: FileRules): string | null {
  const name = shownName(file.name);
  if (!rules.extensions.includes(extensionOf(file.name))) {
    return `“${name}” is not a type of file we accept. Allowed: ${rules.extensions.join(', ')}.`;
  }
  if (file.size > rules.maxBytes) {
    return (
      `“${name}” is ${formatBytes(file.size)}; each file may be at most ` +
      `${formatBytes(rules.maxBytes)}.`
    );
  }
  if (file.size === 0) return `“${name}” is empty.`;

  return null;
}

/** Too many files for one submission; null when the count is fine. */
export function countProblem(count: number, rules: FileRules): string | null {
  return count > rules.maxFiles
    ? `You chose ${count} files; attach at most ${rules.maxFiles}.`
    : null;
}

/**
 * Everything wrong with this choice of files: too many of them, then each
 * refused file by name with its reason, so one submission shows them all
 * rather than one at a time. Empty when the choice is fine.
 */
export function fileProblems(files: readonly ChosenFile[], rules: FileRules): string[] {
  return [
    countProblem(files.length, rules),
    ...files.map((file) => oneFileProblem(file, rules)),
  ].filter((problem): problem is string => problem !== null);
}
