import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLInputObjectType, Kind, parse } from 'graphql';

/**
 * `@oneOf` input types survive composition (through `@composeDirective`) but not the gateway's API
 * schema builder, which would let `{ a, b }` through to the subgraph and turn its rejection into an
 * opaque 400. This re-marks those input types on the API schema the gateway validates against, so
 * the gateway itself answers GRAPHQL_VALIDATION_FAILED / BAD_USER_INPUT. graphql-js reads the
 * `isOneOf` flag during validation and variable coercion.
 */
export function useOneOfInputs<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema, coreSupergraphSdl }) {
          if (!coreSupergraphSdl) return;
          for (const definition of parse(coreSupergraphSdl).definitions) {
            if (definition.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION) continue;
            if (!definition.directives?.some((d) => d.name.value === 'oneOf')) continue;
            const type = apiSchema.getType(definition.name.value);
            if (type instanceof GraphQLInputObjectType) (type as { isOneOf: boolean }).isOneOf = true;
          }
        },
      };
    },
  };
}
