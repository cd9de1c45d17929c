/**
 * What one operation may cost, measured on its syntax tree before the gateway validates or plans it, so a
 * heavy query costs the gateway almost nothing and never holds up other callers. The anchors are Apollo
 * Router's defaults (body 2 MB, 15,000 parser tokens) and GraphQL Armor's (depth 6, aliases 15, directives
 * 50, cost 5,000); our numbers come from our own operations with headroom (README, "Limits").
 */
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  parse,
  GraphQLError,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { ErrorCode } from '../subgraphs/kit/errors';
import { badRequest } from './refusal';

export interface Limits {
  /** Bytes of one request body. */
  maxBodyBytes: number;
  /** Lexical tokens of one document; parsing stops there. */
  maxTokens: number;
  /** Nesting of fields (a root field is depth 1), fragments expanded. */
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxDirectives: number;
  /** The estimate of `measure`: every field 1, times the expected length of every list above it. */
  maxCost: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 2 * 1024 * 1024,
  maxTokens: 2_000,
  maxDepth: 8,
  maxAliases: 15,
  maxRootFields: 10,
  maxDirectives: 20,
  maxCost: 12_000,
};

/** The expected length of a list field that no `first` argument sizes (the largest a household has). */
const LIST_SIZES: Record<string, number> = {
  'Huishouden.leden': 8,
  'Huishouden.betrokkenheid': 4,
};
const DEFAULT_LIST_SIZE = 10;
/** The argument that sizes a list, or the `edges` of a connection below it. */
const SLICING_ARGUMENT = 'first';
/** Expanded fragment selections visited at the most: a fragment bomb is refused before it is walked. */
const MAX_VISITS = 50_000;

export interface Measured {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
  cost: number;
}

/** Parses at most `maxTokens` tokens; a longer document is refused with a code of its own. */
export function parseDocument(query: string, maxTokens: number): DocumentNode {
  try {
    return parse(query, { maxTokens, noLocation: true });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // graphql-js 16 words it "more that"; either spelling.
    if (/contains more tha[nt] \d+ tokens/.test(error.message)) {
      throw badRequest(ErrorCode.QUERY_TOO_MANY_TOKENS, `The document has more than ${maxTokens} tokens`, { limit: maxTokens });
    }
    throw badRequest(ErrorCode.GRAPHQL_PARSE_FAILED, error.message);
  }
}

/** The operation a request runs: the one named, or the only one; a subscription is refused. */
export function resolveOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) {
    const message = operationName
      ? `The document has no operation named "${operationName}"`
      : operations.length
        ? 'The document has several operations: say which one in "operationName"'
        : 'The document has no operation';
    throw badRequest(ErrorCode.OPERATION_RESOLUTION_FAILURE, message);
  }
  if (operation.operation === 'subscription') throw badRequest(ErrorCode.OPERATION_NOT_SUPPORTED, 'LoketLink has no subscriptions');
  return operation;
}

/** Measures `operation` with its fragments expanded; `variables` size lists that a variable's `first` sizes. */
export function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
): Measured {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const defaults = new Map((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.defaultValue]));
  const result: Measured = { depth: 0, aliases: 0, rootFields: 0, directives: 0, cost: 0 };
  let visits = 0;

  const intValue = (node: ValueNode | undefined): number | undefined => {
    if (node?.kind === Kind.INT) return Number(node.value);
    if (node?.kind === Kind.VARIABLE) {
      const value = variables?.[node.name.value];
      return typeof value === 'number' ? value : intValue(defaults.get(node.name.value));
    }
    return undefined;
  };

  /** The expected length of a field's list, and what it passes to the `edges` of a connection. */
  const sizes = (parent: GraphQLNamedType, field: FieldNode, isList: boolean, edges: number | undefined) => {
    const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
    const slicing = def?.args.find((a) => a.name === SLICING_ARGUMENT);
    const first = slicing
      ? (intValue(field.arguments?.find((a) => a.name.value === SLICING_ARGUMENT)?.value) ??
        (typeof slicing.defaultValue === 'number' ? slicing.defaultValue : DEFAULT_LIST_SIZE))
      : undefined;
    const own = field.name.value === 'edges' && edges !== undefined ? edges : (first ?? LIST_SIZES[`${parent.name}.${field.name.value}`] ?? DEFAULT_LIST_SIZE);
    return { multiplier: isList ? Math.max(own, 1) : 1, edges: isList ? undefined : first };
  };

  const walk = (set: SelectionSetNode, type: GraphQLNamedType | undefined, depth: number, edges: number | undefined, path: Set<string>): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (++visits > MAX_VISITS) throw tooCostly(`more than ${MAX_VISITS} selections once its fragments are expanded`);
      result.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        cost += walk(selection.selectionSet, on ?? undefined, depth, edges, path);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || path.has(fragment.name.value)) continue; // unknown or cyclic: validation refuses it later
        const on = schema.getType(fragment.typeCondition.name.value) ?? undefined;
        cost += walk(fragment.selectionSet, on, depth, edges, new Set(path).add(fragment.name.value));
        continue;
      }
      if (depth === 1) result.rootFields++;
      if (selection.alias) result.aliases++;
      // Introspection (development only) is answered by the gateway itself: it costs no subgraph anything.
      if (selection.name.value.startsWith('__')) continue;
      result.depth = Math.max(result.depth, depth);
      const def = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[selection.name.value] : undefined;
      const fieldType = def ? getNullableType(def.type) : undefined;
      const size = type ? sizes(type, selection, !!fieldType && isListType(fieldType), edges) : { multiplier: 1, edges: undefined };
      const below = selection.selectionSet ? walk(selection.selectionSet, def ? getNamedType(def.type) : undefined, depth + 1, size.edges, path) : 0;
      cost += 1 + size.multiplier * below;
    }
    return cost;
  };

  result.directives += operation.directives?.length ?? 0;
  result.cost = walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, 1, undefined, new Set());
  return result;
}

function tooCostly(why: string) {
  return badRequest(ErrorCode.QUERY_TOO_COSTLY, `The operation is too costly: ${why}`);
}

/** Refuses the first limit `measured` exceeds, with its code, the limit and the measured value. */
export function enforceLimits(measured: Measured, limits: Limits): void {
  const checks: [keyof Measured, keyof Limits, ErrorCode, string][] = [
    ['depth', 'maxDepth', ErrorCode.QUERY_TOO_DEEP, 'is nested deeper than'],
    ['aliases', 'maxAliases', ErrorCode.QUERY_TOO_MANY_ALIASES, 'has more aliases than'],
    ['rootFields', 'maxRootFields', ErrorCode.QUERY_TOO_MANY_ROOT_FIELDS, 'asks more root fields than'],
    ['directives', 'maxDirectives', ErrorCode.QUERY_TOO_MANY_DIRECTIVES, 'has more directives than'],
    ['cost', 'maxCost', ErrorCode.QUERY_TOO_COSTLY, 'is estimated to cost more than'],
  ];
  for (const [measure, limit, code, words] of checks) {
    if (measured[measure] > limits[limit]) {
      throw badRequest(code, `The operation ${words} ${limits[limit]} (${measure}: ${measured[measure]})`, { limit: limits[limit], measured: measured[measure] });
    }
  }
}
