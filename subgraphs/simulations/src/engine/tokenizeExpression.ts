import { ExpressionError } from './ExpressionError.ts';

export type Punctuation = '+' | '-' | '*' | '/' | '^' | '(' | ')' | ',';

export type Token =
  | { kind: 'number'; value: number; text: string; position: number }
  | { kind: 'identifier'; name: string; position: number }
  | { kind: 'punctuation'; symbol: Punctuation; position: number }
  | { kind: 'end'; position: number };

const PUNCTUATION = new Set<string>(['+', '-', '*', '/', '^', '(', ')', ',']);
const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const WHITESPACE = /\s/;

/** Splits an expression into tokens; always ends with an `end` token at `source.length`. */
export function tokenizeExpression(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source.charAt(index);
    if (WHITESPACE.test(char)) {
      index++;
    } else if (PUNCTUATION.has(char)) {
      tokens.push({ kind: 'punctuation', symbol: char as Punctuation, position: index });
      index++;
    } else if (IDENTIFIER_START.test(char)) {
      const start = index;
      while (index < source.length && IDENTIFIER_PART.test(source.charAt(index))) index++;
      tokens.push({ kind: 'identifier', name: source.slice(start, index), position: start });
    } else if (DIGIT.test(char) || (char === '.' && DIGIT.test(source.charAt(index + 1)))) {
      const token = readNumber(source, index);
      tokens.push(token);
      index += token.text.length;
    } else {
      throw new ExpressionError(
        `Unexpected ${JSON.stringify(char)} at position ${index}: expected a number, variable, operator or parenthesis`,
        index,
      );
    }
  }
  tokens.push({ kind: 'end', position: source.length });
  return tokens;
}

/** Reads `12`, `1.5`, `.5`, `1.` and an optional exponent (`1e-3`, `2E+4`). */
function readNumber(source: string, start: number): Token & { kind: 'number' } {
  let index = start;
  const skipDigits = () => {
    while (DIGIT.test(source.charAt(index))) index++;
  };
  skipDigits();
  if (source.charAt(index) === '.') {
    index++;
    skipDigits();
  }
  if (source.charAt(index) === 'e' || source.charAt(index) === 'E') {
    const exponentAt = index;
    index++;
    if (source.charAt(index) === '+' || source.charAt(index) === '-') index++;
    if (!DIGIT.test(source.charAt(index))) {
      // `2e` or `2e+`: reported here because the parser would otherwise see a stray variable `e`.
      throw new ExpressionError(
        `Malformed number ${JSON.stringify(source.slice(start, index))} at position ${exponentAt}: expected digits after the exponent`,
        exponentAt,
      );
    }
    skipDigits();
  }
  const text = source.slice(start, index);
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw new ExpressionError(
      `Number ${text} at position ${start} is too large: expected a finite number`,
      start,
    );
  }
  return { kind: 'number', value, text, position: start };
}
