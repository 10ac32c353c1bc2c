/**
 * A tenant's flow for the built-in dialog engine: intents recognised by patterns, each with the
 * reply it gives, and the reply for anything unrecognised. Stored as JSON, so it is validated
 * here, every problem reported at once, before it is saved or used.
 *
 * A pattern is either a keyword or phrase, matched case-insensitively as whole words ("order"
 * matches "my order #12" but not "reorder"), or a regular expression written `/like this/`
 * (always case-insensitive).
 */
export interface DialogIntent {
  name: string;
  patterns: string[];
  reply: string;
}

export interface DialogFlow {
  intents: DialogIntent[];
  fallbackReply: string;
}

export const dialogFlowLimits = {
  intents: 100,
  patternsPerIntent: 50,
  patternLength: 200,
  nameLength: 64,
  replyLength: 4000,
} as const;

export type DialogFlowValidation = { ok: true; flow: DialogFlow } | { ok: false; problems: string[] };

/**
 * Catastrophic backtracking comes from a repeated group whose body repeats too, `(a+)+` or `(\w*)*`.
 * This catches those shapes; it is a heuristic, which is why matched text is also capped in length.
 */
const nestedQuantifier = /\((?:[^()\\]|\\.)*(?<!\\)(?:[+*]|\{\d*,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,)/;

export function isRegexPattern(pattern: string): boolean {
  return pattern.length >= 3 && pattern.startsWith('/') && pattern.endsWith('/');
}

/** The RegExp a pattern matches with; throws SyntaxError for a malformed regular expression. */
export function compilePattern(pattern: string): RegExp {
  if (isRegexPattern(pattern)) return new RegExp(pattern.slice(1, -1), 'iu');
  const words = pattern.trim().split(/\s+/).map((word) => word.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  // Whole words in any script: no letter, digit or underscore may touch either end.
  return new RegExp(`(?<![\\p{L}\\p{N}_])${words.join('\\s+')}(?![\\p{L}\\p{N}_])`, 'iu');
}

export function validateDialogFlow(value: unknown): DialogFlowValidation {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problems: ['the flow must be an object'] };
  const { intents, fallbackReply } = value as { intents?: unknown; fallbackReply?: unknown };
  checkReply(fallbackReply, 'fallbackReply', problems);
  const flow: DialogFlow = { intents: [], fallbackReply: typeof fallbackReply === 'string' ? fallbackReply : '' };
  if (!Array.isArray(intents)) {
    problems.push('intents must be a list');
    return { ok: false, problems };
  }
  if (intents.length > dialogFlowLimits.intents) problems.push(`at most ${dialogFlowLimits.intents} intents are allowed`);
  const names = new Set<string>();
  intents.slice(0, dialogFlowLimits.intents).forEach((intent: unknown, i) => {
    const at = `intents[${i}]`;
    if (typeof intent !== 'object' || intent === null) {
      problems.push(`${at} must be an object`);
      return;
    }
    const { name, patterns, reply } = intent as { name?: unknown; patterns?: unknown; reply?: unknown };
    if (typeof name !== 'string' || name.trim() === '' || name.length > dialogFlowLimits.nameLength) {
      problems.push(`${at}.name must be 1 to ${dialogFlowLimits.nameLength} characters`);
    } else if (names.has(name.trim().toLowerCase())) {
      problems.push(`${at}.name ${JSON.stringify(name)} is used twice`);
    } else {
      names.add(name.trim().toLowerCase());
    }
    checkReply(reply, `${at}.reply`, problems);
    if (!Array.isArray(patterns) || patterns.length === 0 || patterns.length > dialogFlowLimits.patternsPerIntent) {
      problems.push(`${at}.patterns must list 1 to ${dialogFlowLimits.patternsPerIntent} patterns`);
      return;
    }
    patterns.forEach((pattern: unknown, j) => checkPattern(pattern, `${at}.patterns[${j}]`, problems));
    if (typeof name === 'string' && typeof reply === 'string') {
      flow.intents.push({ name: name.trim(), patterns: patterns.filter((p): p is string => typeof p === 'string'), reply });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, flow };
}

function checkReply(reply: unknown, at: string, problems: string[]): void {
  if (typeof reply !== 'string' || reply.trim() === '' || reply.length > dialogFlowLimits.replyLength) {
    problems.push(`${at} must be 1 to ${dialogFlowLimits.replyLength} characters of text`);
  }
}

function checkPattern(pattern: unknown, at: string, problems: string[]): void {
  if (typeof pattern !== 'string' || pattern.trim() === '' || pattern.length > dialogFlowLimits.patternLength) {
    problems.push(`${at} must be 1 to ${dialogFlowLimits.patternLength} characters`);
    return;
  }
  if (!isRegexPattern(pattern)) return;
  if (nestedQuantifier.test(pattern)) {
    problems.push(`${at} repeats a repeated group, which can take exponential time; simplify it`);
    return;
  }
  try {
    compilePattern(pattern);
  } catch (error) {
    problems.push(`${at} is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`);
  }
}
