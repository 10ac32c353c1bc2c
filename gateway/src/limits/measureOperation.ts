import { Kind, getNamedType, getNullableType, isCompositeType, isListType } from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import { ErrorCode, PlatformError } from '../../../subgraphs/kit/src/errors.ts';

/** What one operation may ask for (the token count is enforced by the parser, see `maxTokens`). */
export interface OperationLimits {
  /** Deepest field nesting (MAX_QUERY_DEPTH). */
  maxDepth: number;
  /** Aliased fields, counted every time a fragment is spread (MAX_QUERY_ALIASES). */
  maxAliases: number;
  /** Estimated fields resolved (MAX_QUERY_COST), see `measureOperation`. */
  maxCost: number;
  /** Lexical tokens of a document (MAX_QUERY_TOKENS), given to graphql-js's parser. */
  maxTokens: number;
  /** What a list field without `first`/`last`/`limit` is assumed to return. */
  defaultListSize: number;
}

export const defaultOperationLimits: OperationLimits = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 10_000,
  maxTokens: 10_000,
  defaultListSize: 20,
});

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit']);

/**
 * Depth, aliases and an estimated cost of one operation, with fragments expanded where they are
 * spread. Cost counts the fields that would be resolved: each field is 1, and a field's selection
 * counts as many times as the field can return items: its `first`/`last`/`limit` argument (a
 * literal or the variable's value), else `defaultListSize` for a list, else once. A list directly
 * under a paginated field (a connection's `edges`) is counted once: its size is the parent's.
 * Introspection fields (`__schema`, `__type`, `__typename`) count nothing: the introspection
 * policy governs them, and their size is the schema's.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  defaultListSize = defaultOperationLimits.defaultListSize,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return { depth: 0, aliases: 0, cost: 0 };
  const none: OperationMeasure = { depth: 0, aliases: 0, cost: 0 };

  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  }
  /** A size argument's value: the literal, else the variable's value, else the variable's default. */
  const sizeOf = (value: ValueNode): number | undefined => {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind !== Kind.VARIABLE) return undefined;
    const given = variables?.[value.name.value];
    if (typeof given === 'number' && Number.isFinite(given)) return given;
    // Sent (even as null): the variable's default does not apply.
    if (variables && value.name.value in variables) return undefined;
    const fallback = variableDefaults.get(value.name.value);
    return fallback?.kind === Kind.INT ? Number(fallback.value) : undefined;
  };

  /**
   * A fragment's measure on a type, computed once however often it is spread: a document whose
   * fragments each spread the next twice would otherwise take time exponential in its length.
   */
  const memo = new Map<string, OperationMeasure>();
  const computing = new Set<string>();

  function walk(selectionSet: SelectionSetNode, type: GraphQLCompositeType, underPaged: boolean): OperationMeasure {
    let cost = 0;
    let depth = 0;
    let aliases = 0;
    const add = (part: OperationMeasure) => {
      cost += part.cost;
      aliases += part.aliases;
      depth = Math.max(depth, part.depth);
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        add(measureField(selection, type, underPaged));
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) continue;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
      const on = condition && isCompositeType(condition) ? condition : type;
      // Fragments on different types of an abstract field are summed: an upper bound.
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(walk(fragment.selectionSet, on, underPaged));
        continue;
      }
      const key = `${selection.name.value}\u0000${on.name}\u0000${underPaged}`;
      const known = memo.get(key);
      if (known) {
        add(known);
        continue;
      }
      // A fragment cycle (which validation reports on its own) counts nothing the second time round.
      if (computing.has(key)) continue;
      computing.add(key);
      const measured = walk(fragment.selectionSet, on, underPaged);
      computing.delete(key);
      memo.set(key, measured);
      add(measured);
    }
    return { cost, depth, aliases };
  }

  function measureField(node: FieldNode, parent: GraphQLCompositeType, underPaged: boolean): OperationMeasure {
    if (node.name.value.startsWith('__')) return none;
    const aliases = node.alias ? 1 : 0;
    const definition = 'getFields' in parent ? parent.getFields()[node.name.value] : undefined;
    if (!definition) return { cost: 1, depth: 1, aliases };
    const returns = getNullableType(definition.type);
    const named = getNamedType(definition.type);
    // A field that takes a page size is paged whether or not the query gives one: then the
    // schema's default for it counts, else the default list size.
    const sizeArguments = definition.args.filter((argument) => SIZE_ARGUMENTS.has(argument.name));
    const paged = sizeArguments.length > 0;
    let size: number | undefined;
    for (const argument of sizeArguments) {
      const given = node.arguments?.find((a) => a.name.value === argument.name);
      const value = (given ? sizeOf(given.value) : undefined) ?? (typeof argument.defaultValue === 'number' ? argument.defaultValue : undefined);
      if (value !== undefined) size = Math.max(size ?? 0, value);
    }
    const times = Math.max(0, paged ? (size ?? defaultListSize) : isListType(returns) && !underPaged ? defaultListSize : 1);
    if (!node.selectionSet || !isCompositeType(named)) return { cost: 1, depth: 1, aliases };
    const inner = walk(node.selectionSet, named, paged);
    return { cost: 1 + times * inner.cost, depth: 1 + inner.depth, aliases: aliases + inner.aliases };
  }

  return walk(operation.selectionSet, root, false);
}

/** The first limit an operation exceeds, as the error its caller gets; null when within all. */
export function checkOperationLimits(measure: OperationMeasure, limits: OperationLimits): PlatformError | null {
  const exceeded = (limit: 'depth' | 'aliases' | 'cost', max: number, actual: number, what: string) =>
    new PlatformError(ErrorCode.OPERATION_TOO_COMPLEX, `The operation ${what} (${actual}), more than the limit of ${max}`, {
      details: { limit, max, actual },
      httpStatus: true,
    });
  if (measure.depth > limits.maxDepth) return exceeded('depth', limits.maxDepth, measure.depth, 'nests fields too deeply');
  if (measure.aliases > limits.maxAliases) return exceeded('aliases', limits.maxAliases, measure.aliases, 'uses too many aliases');
  if (measure.cost > limits.maxCost) return exceeded('cost', limits.maxCost, measure.cost, 'would resolve too many fields');
  return null;
}

/** Measures an operation and checks it: the one entry HTTP (useOperationLimits) and graphql-ws share. */
export function operationTooComplex(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  limits: OperationLimits,
): PlatformError | null {
  return checkOperationLimits(measureOperation(schema, document, operation, variables, limits.defaultListSize), limits);
}
