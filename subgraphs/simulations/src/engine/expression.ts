import { ExpressionError } from './ExpressionError.ts';
import { EXPRESSION_FUNCTIONS } from './expressionFunctions.ts';
import type { Evaluate } from './expressionFunctions.ts';
import { tokenizeExpression } from './tokenizeExpression.ts';
import type { Token } from './tokenizeExpression.ts';

export { ExpressionError } from './ExpressionError.ts';

export const MAX_EXPRESSION_LENGTH = 2000;
export const MAX_EXPRESSION_NESTING = 64;

export type CompiledExpression = {
  /** `values[i]` is the value of `variableNames[i]` as passed to `compileExpression`. */
  evaluate(values: Float64Array): number;
  /** The variables the expression references, in order of first appearance. */
  variables: string[];
};

/** A compiled sub-expression; `constant` is set when it does not depend on any variable. */
type Node = { evaluate: Evaluate; constant: number | undefined };

const OPERAND = 'a number, variable or "("';
const KNOWN_FUNCTIONS = [...EXPRESSION_FUNCTIONS.keys()].sort().join(', ');

/**
 * Compiles an arithmetic expression into a tree of closures. There is deliberately no eval or
 * Function constructor: expressions come from tenants, and the grammar below is all they get.
 *
 *   sum     := product (("+" | "-") product)*
 *   product := signed (("*" | "/") signed)*
 *   signed  := ("+" | "-")* power
 *   power   := primary ("^" signed)?          right-associative, binds tighter than a sign
 *   primary := number | variable | name "(" sum ("," sum)* ")" | "(" sum ")"
 */
export function compileExpression(source: string, variableNames: readonly string[]): CompiledExpression {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(
      `Expression too long at position ${MAX_EXPRESSION_LENGTH}: expected at most ${MAX_EXPRESSION_LENGTH} characters, got ${source.length}`,
      MAX_EXPRESSION_LENGTH,
    );
  }
  const tokens = tokenizeExpression(source);
  const indexOf = new Map(variableNames.map((name, index) => [name, index]));
  const referenced: string[] = [];
  let cursor = 0;
  let nesting = 0;

  const peek = (): Token => tokens[cursor] as Token;
  const isSymbol = (token: Token, symbol: string) => token.kind === 'punctuation' && token.symbol === symbol;

  const parseSum = (): Node => {
    let left = parseProduct();
    for (let token = peek(); isSymbol(token, '+') || isSymbol(token, '-'); token = peek()) {
      cursor++;
      left = binary(isSymbol(token, '+') ? '+' : '-', left, parseProduct());
    }
    return left;
  };

  const parseProduct = (): Node => {
    let left = parseSigned();
    for (let token = peek(); isSymbol(token, '*') || isSymbol(token, '/'); token = peek()) {
      cursor++;
      left = binary(isSymbol(token, '*') ? '*' : '/', left, parseSigned());
    }
    return left;
  };

  // Signs are counted in a loop rather than by recursion, so `------x` costs no stack.
  const parseSigned = (): Node => {
    let negative = false;
    for (let token = peek(); isSymbol(token, '+') || isSymbol(token, '-'); token = peek()) {
      if (isSymbol(token, '-')) negative = !negative;
      cursor++;
    }
    const operand = parsePower();
    return negative ? negate(operand) : operand;
  };

  const parsePower = (): Node => {
    const base = parsePrimary();
    if (!isSymbol(peek(), '^')) return base;
    cursor++;
    return binary('^', base, parseSigned());
  };

  const parsePrimary = (): Node => {
    const token = peek();
    if (token.kind === 'number') {
      cursor++;
      return constant(token.value);
    }
    if (token.kind === 'identifier') {
      cursor++;
      return isSymbol(peek(), '(') ? parseCall(token.name, token.position) : variable(token.name, token.position);
    }
    if (isSymbol(token, '(')) {
      enter(token);
      const inner = parseSum();
      expectClosing(`an operator or ")"`);
      return inner;
    }
    if (cursor === 0 && token.kind === 'end') {
      throw new ExpressionError(`Empty expression at position ${token.position}: expected ${OPERAND}`, token.position);
    }
    throw unexpected(token, OPERAND);
  };

  const parseCall = (name: string, position: number): Node => {
    const definition = EXPRESSION_FUNCTIONS.get(name);
    if (definition === undefined) {
      throw new ExpressionError(
        `Unknown function ${JSON.stringify(name)} at position ${position}; known: ${KNOWN_FUNCTIONS}`,
        position,
      );
    }
    enter(peek());
    const args: Node[] = [];
    if (isSymbol(peek(), ')')) {
      cursor++;
      nesting--;
    } else {
      args.push(parseSum());
      while (isSymbol(peek(), ',')) {
        cursor++;
        args.push(parseSum());
      }
      expectClosing(`an operator, "," or ")"`);
    }
    const { minArguments, maxArguments } = definition;
    if (args.length < minArguments || args.length > maxArguments) {
      const expected =
        minArguments === maxArguments
          ? `${minArguments} argument${minArguments === 1 ? '' : 's'}`
          : `at least ${minArguments} arguments`;
      throw new ExpressionError(
        `Function "${name}" at position ${position} expects ${expected}, got ${args.length}`,
        position,
      );
    }
    if (args.every((arg) => arg.constant !== undefined)) {
      return constant(definition.apply(args.map((arg) => arg.constant as number)));
    }
    return dynamic(definition.build(args.map((arg) => arg.evaluate)));
  };

  const variable = (name: string, position: number): Node => {
    const index = indexOf.get(name);
    if (index === undefined) {
      const known = variableNames.length > 0 ? variableNames.join(', ') : 'none';
      throw new ExpressionError(`Unknown variable ${JSON.stringify(name)} at position ${position}; known: ${known}`, position);
    }
    if (!referenced.includes(name)) referenced.push(name);
    return dynamic((values) => values[index] as number);
  };

  const enter = (open: Token) => {
    if (++nesting > MAX_EXPRESSION_NESTING) {
      throw new ExpressionError(
        `Nesting too deep at position ${open.position}: expected at most ${MAX_EXPRESSION_NESTING} levels of parentheses`,
        open.position,
      );
    }
    cursor++;
  };

  const expectClosing = (expected: string) => {
    const token = peek();
    if (!isSymbol(token, ')')) throw unexpected(token, expected);
    cursor++;
    nesting--;
  };

  const root = parseSum();
  const last = peek();
  if (last.kind !== 'end') throw unexpected(last, 'an operator or end of input');

  return { evaluate: root.evaluate, variables: referenced };
}

function unexpected(token: Token, expected: string): ExpressionError {
  return new ExpressionError(`Unexpected ${describe(token)} at position ${token.position}: expected ${expected}`, token.position);
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'number':
      return JSON.stringify(token.text);
    case 'identifier':
      return JSON.stringify(token.name);
    case 'punctuation':
      return JSON.stringify(token.symbol);
    case 'end':
      return 'end of input';
  }
}

const constant = (value: number): Node => ({ evaluate: () => value, constant: value });
const dynamic = (evaluate: Evaluate): Node => ({ evaluate, constant: undefined });

function negate(operand: Node): Node {
  if (operand.constant !== undefined) return constant(-operand.constant);
  const inner = operand.evaluate;
  return dynamic((values) => -inner(values));
}

// One closure per operator instead of a shared `apply(op, a, b)`: the hot loop then runs without
// a switch per node. Constant sub-trees are folded with the same operations (Math.pow for `^` in
// both places), so folding never changes a result.
function binary(operator: '+' | '-' | '*' | '/' | '^', left: Node, right: Node): Node {
  if (left.constant !== undefined && right.constant !== undefined) {
    const a = left.constant;
    const b = right.constant;
    const folded = { '+': a + b, '-': a - b, '*': a * b, '/': a / b, '^': Math.pow(a, b) }[operator];
    return constant(folded);
  }
  const l = left.evaluate;
  const r = right.evaluate;
  switch (operator) {
    case '+':
      return dynamic((values) => l(values) + r(values));
    case '-':
      return dynamic((values) => l(values) - r(values));
    case '*':
      return dynamic((values) => l(values) * r(values));
    case '/':
      return dynamic((values) => l(values) / r(values));
    case '^':
      return dynamic((values) => Math.pow(l(values), r(values)));
  }
}
