import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { findNulInLiterals, findNulInVariables, refuseNulInput } from '../src/useInputSanity.ts';

describe('findNulInVariables', () => {
  it('finds nothing in clean variables, control characters other than NUL included', () => {
    expect(findNulInVariables(undefined)).toBeNull();
    expect(findNulInVariables({ a: 'tab\there\nnew line\r\u0001', b: [1, true, null, { c: 'ok' }] })).toBeNull();
  });

  it('names the first path holding a NUL, in keys too', () => {
    expect(findNulInVariables({ id: 'x', input: { list: ['a', 'b\u0000'] } })).toBe('input.list[1]');
    expect(findNulInVariables({ json: { 'odd key': '\u0000' } })).toBe('json["odd key"]');
    expect(findNulInVariables({ json: { ['\u0000']: 1 } })).toBe('json["\\u0000"]');
  });

  it('walks any nesting depth without overflowing the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findNulInVariables({ deep })).toMatch(/^deep(\[0\]){200000}$/);
  });
});

describe('findNulInLiterals', () => {
  it('names the argument path and the field path of the literal', () => {
    const document = parse('query { a { b(filter: { and: [{ name: "x\\u0000" }] }) } }');
    expect(findNulInLiterals(document)).toEqual({ argument: 'filter.and.name', field: 'a.b' });
    expect(findNulInLiterals(parse('{ a @skip(if: false) { b(text: """block\u0000""") } }'))).toEqual({ argument: 'text', field: 'a.b' });
    expect(findNulInLiterals(parse('{ a(text: "fine\\n") }'))).toBeNull();
  });
});

describe('refuseNulInput', () => {
  it('gives a BAD_USER_INPUT error naming the place, or null', () => {
    const document = parse('subscription($id: ID!) { progress(id: $id) }');
    expect(refuseNulInput({ id: 'x' }, document)).toBeNull();
    expect(refuseNulInput({ id: 'x\u0000' }, document)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', variable: 'id' } });
  });
});
