import {
  Kind,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * Which fields a request asks of a type, so that one SQL statement can load exactly the relations a fetch
 * needs (and no second statement is needed later). Works for `_entities` (the selection is an inline
 * fragment per type) and for ordinary root fields alike.
 */
export class Selection {
  private constructor(
    private readonly fields: Map<string, SelectionSetNode[]>,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
  ) {}

  static of(info: GraphQLResolveInfo, typename: string): Selection {
    const sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    return Selection.collect(sets, typename, info.fragments);
  }

  has(field: string): boolean {
    return this.fields.has(field);
  }

  /** The selection under `field` (for a field of type `typename`). */
  child(field: string, typename: string): Selection {
    return Selection.collect(this.fields.get(field) ?? [], typename, this.fragments);
  }

  /** True when anything other than the listed (key) fields is asked for. */
  needsMoreThan(...keys: string[]): boolean {
    return [...this.fields.keys()].some((name) => !keys.includes(name) && name !== '__typename');
  }

  private static collect(
    sets: SelectionSetNode[],
    typename: string,
    fragments: Record<string, FragmentDefinitionNode>,
  ): Selection {
    const fields = new Map<string, SelectionSetNode[]>();
    const visit = (set: SelectionSetNode): void => {
      for (const node of set.selections) {
        if (node.kind === Kind.FIELD) {
          const children = fields.get(node.name.value) ?? [];
          if (node.selectionSet) children.push(node.selectionSet);
          fields.set(node.name.value, children);
        } else if (node.kind === Kind.INLINE_FRAGMENT) {
          if (!node.typeCondition || node.typeCondition.name.value === typename) visit(node.selectionSet);
        } else {
          const fragment = fragments[node.name.value];
          if (fragment && fragment.typeCondition.name.value === typename) visit(fragment.selectionSet);
        }
      }
    };
    sets.forEach(visit);
    return new Selection(fields, fragments);
  }
}
