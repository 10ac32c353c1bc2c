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
  let aliases = 0;

  const sizeOf = (value: ValueNode): number | undefined => {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const given = variables?.[value.name.value];
      return typeof given === 'number' && Number.isFinite(given) ? given : undefined;
    }
    return undefined;
  };

  /** Cost and depth of a selection set on `type`; `visiting` guards against fragment cycles. */
  function walk(selectionSet: SelectionSetNode, type: GraphQLCompositeType, underPaged: boolean, visiting: Set<string>): { cost: number; depth: number } {
    let cost = 0;
    let depth = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = measureField(selection, type, underPaged, visiting);
        cost += field.cost;
        depth = Math.max(depth, field.depth);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) continue;
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
      if (name !== null && visiting.has(name)) continue;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
      const on = condition && isCompositeType(condition) ? condition : type;
      const inner = walk(fragment.selectionSet, on, underPaged, name === null ? visiting : new Set([...visiting, name]));
      // Fragments on different types of an abstract field are summed: an upper bound.
      cost += inner.cost;
      depth = Math.max(depth, inner.depth);
    }
    return { cost, depth };
  }

  function measureField(node: FieldNode, parent: GraphQLCompositeType, underPaged: boolean, visiting: Set<string>): { cost: number; depth: number } {
    if (node.name.value.startsWith('__')) return { cost: 0, depth: 0 };
    if (node.alias) aliases += 1;
    const definition = 'getFields' in parent ? parent.getFields()[node.name.value] : undefined;
    if (!definition) return { cost: 1, depth: 1 };
    const returns = getNullableType(definition.type);
    const named = getNamedType(definition.type);
    let size: number | undefined;
    for (const argument of node.arguments ?? []) {
      if (SIZE_ARGUMENTS.has(argument.name.value)) size = sizeOf(argument.value) ?? size;
    }
    const paged = (node.arguments ?? []).some((argument) => SIZE_ARGUMENTS.has(argument.name.value));
    const times = Math.max(0, size ?? (isListType(returns) && !underPaged ? defaultListSize : 1));
    if (!node.selectionSet || !isCompositeType(named)) return { cost: 1, depth: 1 };
    const inner = walk(node.selectionSet, named, paged, visiting);
    return { cost: 1 + times * inner.cost, depth: 1 + inner.depth };
  }

  const measured = walk(operation.selectionSet, root, false, new Set());
  return { depth: measured.depth, aliases, cost: measured.cost };
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
