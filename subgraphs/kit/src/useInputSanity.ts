import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { BREAK, Kind, visit } from 'graphql';
import type { ASTNode, DocumentNode } from 'graphql';
import { badInput } from './errors.ts';
import type { PlatformError } from './errors.ts';

/**
 * Refuses, before anything executes, an operation whose variables or string literals hold U+0000.
 * No text column can store NUL (PostgreSQL rejects the whole statement, MongoDB and C libraries cut
 * at it), so without this every text input of every subgraph would fail late as an internal error.
 * Other control characters stay allowed: content needs \t \n \r, and services judge the rest.
 *
 * One plugin for every server (each subgraph through createSubgraphServer, and the gateway), so no
 * resolver has to remember the rule.
 */
export function useInputSanity<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const refused = refuseNulInput(request.variables, document);
          if (refused) throw refused;
        },
      };
    },
  };
}

/**
 * The BAD_USER_INPUT error for an operation holding NUL, naming where, or null when it holds none.
 * For transports Apollo Server's plugins do not see (graphql-ws subscriptions).
 */
export function refuseNulInput(variables: Readonly<Record<string, unknown>> | undefined, document: DocumentNode): PlatformError | null {
  const variable = findNulInVariables(variables);
  if (variable !== null) return refusal(`Variable \`$${variable}\``, { variable });
  const literal = findNulInLiterals(document);
  if (literal === null) return null;
  const subject = literal.field ? `Argument \`${literal.argument}\` of \`${literal.field}\`` : `The default value of \`${literal.argument}\``;
  return refusal(subject, { argument: literal.argument, field: literal.field });
}

const NUL = '\u0000';
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function refusal(subject: string, details: Record<string, unknown>): PlatformError {
  // Status 200, as a resolver's BAD_USER_INPUT: a gateway then forwards the typed error, where a
  // non-2xx subgraph response would only be a failed fetch (and masked as internal).
  return badInput(`${subject} contains a NUL character (U+0000), which text cannot hold`, { ...details, http: { status: 200 } });
}

/** The path (`input.title`, `ids[2]`) of the first string or key in the variables that holds NUL. */
export function findNulInVariables(variables: Readonly<Record<string, unknown>> | undefined): string | null {
  if (!variables) return null;
  // Iterative, so no nesting depth of a JSON body can overflow the stack.
  const pending: Array<{ value: unknown; path: string }> = [{ value: variables, path: '' }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return path;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], path: `${path}[${i}]` });
    } else if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        const keyPath = NAME.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
        if (key.includes(NUL)) return keyPath;
        pending.push({ value: item, path: keyPath });
      }
    }
  }
  return null;
}

/** Where a literal is: its argument path, and its field path (null for a variable's default value). */
export interface LiteralPlace {
  argument: string;
  field: string | null;
}

/** The first string literal of the document that holds NUL, or null. */
export function findNulInLiterals(document: DocumentNode): LiteralPlace | null {
  let found: LiteralPlace | null = null;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (!node.value.includes(NUL)) return undefined;
      // `ancestors` stops short of the parent (the ObjectField or Argument right above the value).
      found = describeLiteral([...ancestors, parent].filter((a): a is ASTNode => a !== undefined && !Array.isArray(a)));
      return BREAK;
    },
  });
  return found;
}

function describeLiteral(ancestors: readonly ASTNode[]): LiteralPlace {
  const fields: string[] = [];
  const argument: string[] = [];
  for (const node of ancestors) {
    if (node.kind === Kind.FIELD) fields.push(node.name.value);
    else if (node.kind === Kind.DIRECTIVE) fields.push(`@${node.name.value}`);
    else if (node.kind === Kind.VARIABLE_DEFINITION) argument.push(`$${node.variable.name.value}`);
    else if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) argument.push(node.name.value);
  }
  return { argument: argument.join('.'), field: fields.length > 0 ? fields.join('.') : null };
}
