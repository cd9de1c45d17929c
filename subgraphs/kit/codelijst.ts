/** `{ code, naam }` for a code from a national code list; an unknown code keeps its code as its name. */
export function productcategorie(list: Record<string, string>, code: string) {
  return { code, naam: list[code] ?? code };
}
