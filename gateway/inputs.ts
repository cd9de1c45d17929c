/**
 * Input values checked at the door, as the subgraphs will read them: the gateway's own schema knows our
 * scalars only by name (a supergraph carries no implementations), so a `Date` of "2026-02-30" would travel
 * to a subgraph and come back as an uncoded failure. Here every argument and variable is coerced with the
 * kit's scalars, and a NUL byte (which Postgres refuses in text) is refused, each as BAD_USER_INPUT naming
 * where it was.
 */
import {
  buildSchema,
  getNamedType,
  getVariableValues,
  isScalarType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLScalarType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode } from '../subgraphs/kit/errors';
import { scalarResolvers } from '../subgraphs/kit/scalars';
import { findNul, NUL } from '../subgraphs/kit/text';
import { badRequest } from './refusal';

/**
 * The supergraph as a graphql-js schema with the kit's scalar implementations attached, for the door's
 * checks (types of arguments, list fields for the cost). It is never executed.
 */
export function doorSchema(supergraphSdl: string): GraphQLSchema {
  const schema = buildSchema(supergraphSdl, { assumeValidSDL: true });
  for (const [name, implementation] of Object.entries(scalarResolvers)) {
    const type = schema.getType(name);
    // Built from SDL, the scalar parses anything; give it the subgraphs' own rules (this instance is ours).
    if (isScalarType(type)) Object.assign(type, pick(implementation));
  }
  return schema;
}

function pick(scalar: GraphQLScalarType) {
  return { parseValue: scalar.parseValue, parseLiteral: scalar.parseLiteral, serialize: scalar.serialize };
}

const CUSTOM_SCALARS = new Set(Object.keys(scalarResolvers));

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Literal values in the document: NUL bytes, and our scalars (`contactmomenten(van: "2026-02-30")`). */
export function checkLiterals(schema: GraphQLSchema, document: DocumentNode): void {
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      StringValue(node) {
        const argument = typeInfo.getArgument()?.name;
        if (node.value.includes(NUL)) throw invalid(`A value${argument ? ` of "${argument}"` : ''} holds a NUL character`, argument);
        const type = typeInfo.getInputType();
        const named = type && getNamedType(type);
        if (!named || !isScalarType(named) || !CUSTOM_SCALARS.has(named.name)) return;
        try {
          named.parseLiteral({ kind: Kind.STRING, value: node.value }, undefined);
        } catch (error) {
          throw invalid(`"${argument ?? named.name}" is not a valid ${named.name}: ${reason(error)}`, argument);
        }
      },
    }),
  );
}

/** Variables: NUL bytes anywhere (keys included), then coercion to their declared types with our scalars. */
export function checkVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> | null | undefined): void {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const where = name.includes(NUL) ? '$' : findNul(value, `$${name}`);
    if (where) throw invalid(`The variable ${where} holds a NUL character`, name);
  }
  const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (errors?.length) {
    const name = /Variable "\$(\w+)"/.exec(errors[0]!.message)?.[1];
    throw invalid(errors[0]!.message, name);
  }
}

function invalid(message: string, argument: string | undefined) {
  return badRequest(ErrorCode.BAD_USER_INPUT, message, argument ? { argument } : {});
}
