import { describe, expect, it } from 'vitest';
import { compileExpression, ExpressionError, MAX_EXPRESSION_NESTING } from '../src/engine/expression.ts';

const evaluate = (source: string, variables: Record<string, number> = {}) => {
  const names = Object.keys(variables);
  return compileExpression(source, names).evaluate(Float64Array.from(Object.values(variables)));
};

const errorOf = (source: string, names: readonly string[] = []): ExpressionError => {
  try {
    compileExpression(source, names);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be rejected`);
};

describe('compileExpression: values', () => {
  it.each([
    ['42', 42],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1e-3', 0.001],
    ['2.5E+2', 250],
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['100 / 10 / 5', 2],
    ['2 * 3 ^ 2', 18],
    ['2 ^ 3 ^ 2', 512],
    ['-2 ^ 2', -4],
    ['(-2) ^ 2', 4],
    ['2 ^ -1', 0.5],
    ['-2 ^ -2', -0.25],
    ['2 - -2 ^ 2', 6],
    ['3 - 2 ^ 2 * 2', -5],
    ['--3', 3],
    ['+3', 3],
    ['2 * -3', -6],
    ['min(3, 1, 2)', 1],
    ['max(1, 5, 2)', 5],
    ['exp(0)', 1],
    ['log(exp(2))', 2],
    ['sqrt(16)', 4],
    ['abs(-3)', 3],
    ['  1\t+\n2  ', 3],
  ])('%s = %d', (source, expected) => {
    expect(evaluate(source)).toBe(expected);
  });

  it('reads variables by their position in the list it was compiled with', () => {
    const compiled = compileExpression('price * volume - cost', ['cost', 'price', 'volume']);
    expect(compiled.evaluate(new Float64Array([30, 2, 100]))).toBe(170);
    expect(compiled.evaluate(new Float64Array([0, 1, 1]))).toBe(1);
  });

  it('applies precedence and associativity to variables as to constants', () => {
    const vars = { a: 2, b: 3, c: 2 };
    expect(evaluate('a ^ b ^ c', vars)).toBe(512);
    expect(evaluate('-a ^ c', vars)).toBe(-4);
    expect(evaluate('a - b - c', vars)).toBe(-3);
    expect(evaluate('a / b / c', vars)).toBe(2 / 3 / 2);
    expect(evaluate('min(a, b, c, 1) + max(a, b) + abs(-a) + sqrt(a * 8) + exp(a - a) + log(1)', vars)).toBe(1 + 3 + 2 + 4 + 1 + 0);
  });

  it('lists referenced variables once each, in order of first appearance', () => {
    expect(compileExpression('b + a * b', ['a', 'b', 'c']).variables).toEqual(['b', 'a']);
    expect(compileExpression('1 + 2', ['a']).variables).toEqual([]);
  });

  it('treats a name as a function only when it is followed by "("', () => {
    expect(evaluate('exp + exp(0)', { exp: 2 })).toBe(3);
  });

  it('gives the same result whether or not a sub-expression is folded to a constant', () => {
    expect(evaluate('a ^ 0.3 + log(a) / 7 - sqrt(a)', { a: 7.1 })).toBe(evaluate('7.1 ^ 0.3 + log(7.1) / 7 - sqrt(7.1)'));
  });

  it('returns non-finite results instead of throwing', () => {
    expect(evaluate('log(x)', { x: -1 })).toBeNaN();
    expect(evaluate('1 / x', { x: 0 })).toBe(Number.POSITIVE_INFINITY);
  });

  it('accepts nesting up to the limit', () => {
    const depth = MAX_EXPRESSION_NESTING;
    expect(evaluate(`${'('.repeat(depth)}1${')'.repeat(depth)}`)).toBe(1);
    expect(evaluate(`${'abs('.repeat(depth)}-1${')'.repeat(depth)}`)).toBe(1);
  });
});

describe('compileExpression: errors', () => {
  it.each([
    ['1 + )', [], 4, 'Unexpected ")" at position 4: expected a number, variable or "("'],
    ['(price + 1))', ['price'], 11, 'Unexpected ")" at position 11: expected an operator or end of input'],
    ['1 2', [], 2, 'Unexpected "2" at position 2: expected an operator or end of input'],
    ['price * (cost', ['price', 'cost'], 13, 'Unexpected end of input at position 13: expected an operator or ")"'],
    ['max(1 2)', [], 6, 'Unexpected "2" at position 6: expected an operator, "," or ")"'],
    ['-', [], 1, 'Unexpected end of input at position 1: expected a number, variable or "("'],
    ['2 ^', [], 3, 'Unexpected end of input at position 3: expected a number, variable or "("'],
    ['2 * foo', ['price', 'cost'], 4, 'Unknown variable "foo" at position 4; known: price, cost'],
    ['x', [], 0, 'Unknown variable "x" at position 0; known: none'],
    ['__proto__', [], 0, 'Unknown variable "__proto__" at position 0; known: none'],
    ['1 + sin(1)', [], 4, 'Unknown function "sin" at position 4; known: abs, exp, log, max, min, sqrt'],
    ['constructor(1)', [], 0, 'Unknown function "constructor" at position 0; known: abs, exp, log, max, min, sqrt'],
    ['exp(1, 2)', [], 0, 'Function "exp" at position 0 expects 1 argument, got 2'],
    ['exp()', [], 0, 'Function "exp" at position 0 expects 1 argument, got 0'],
    ['2 * min(3)', [], 4, 'Function "min" at position 4 expects at least 2 arguments, got 1'],
    ['', [], 0, 'Empty expression at position 0: expected a number, variable or "("'],
    ['1 # 2', [], 2, 'Unexpected "#" at position 2: expected a number, variable, operator or parenthesis'],
    ['2e+', [], 1, 'Malformed number "2e+" at position 1: expected digits after the exponent'],
    ['1 + 1e999', [], 4, 'Number 1e999 at position 4 is too large: expected a finite number'],
  ] as const)('%j', (source, names, position, message) => {
    const error = errorOf(source, names);
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error.message).toBe(message);
    expect(error.position).toBe(position);
  });

  it('rejects expressions longer than 2000 characters', () => {
    const source = `${'1+'.repeat(1000)}1`;
    expect(source).toHaveLength(2001);
    const error = errorOf(source);
    expect(error.message).toBe('Expression too long at position 2000: expected at most 2000 characters, got 2001');
    expect(error.position).toBe(2000);
    expect(() => compileExpression(source.slice(1), [])).not.toThrow();
  });

  it('rejects parentheses nested deeper than 64, at the first parenthesis too many', () => {
    const depth = MAX_EXPRESSION_NESTING + 1;
    const error = errorOf(`${'('.repeat(depth)}1${')'.repeat(depth)}`);
    expect(error.position).toBe(64);
    expect(error.message).toBe('Nesting too deep at position 64: expected at most 64 levels of parentheses');
  });

  it('counts function calls as nesting', () => {
    const depth = MAX_EXPRESSION_NESTING + 1;
    const error = errorOf(`${'abs('.repeat(depth)}1${')'.repeat(depth)}`);
    expect(error.position).toBe(4 * 64 + 3);
  });
});
