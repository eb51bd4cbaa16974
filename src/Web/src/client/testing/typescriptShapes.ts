// The fields of the client module's protocol types, read from their TypeScript source (for protocolDrift.test.ts):
// each exported interface (with what it extends) and each object type alias, and the object types nested one level in
// a map interface (MeetingEventData's event data, CommandArgs' command arguments).
import ts from "typescript";

export interface TsShapes {
  /** Exported interface or object type alias -> its field names. */
  shapes: Map<string, string[]>;
  /** The members of a map interface whose types are object literals -> their field names. */
  nested(name: string): Map<string, string[]>;
}

export function typescriptShapes(sources: Record<string, string>): TsShapes {
  const declared = new Map<string, { members: ts.NodeArray<ts.TypeElement>; extends: string[] }>();
  for (const [file, text] of Object.entries(sources)) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const node of source.statements) {
      const exported = ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      if (ts.isInterfaceDeclaration(node)) {
        const bases = node.heritageClauses?.flatMap((c) => c.types.map((t) => t.expression.getText(source))) ?? [];
        declared.set(node.name.text, { members: node.members, extends: bases });
      } else if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type)) {
        declared.set(node.name.text, { members: node.type.members, extends: [] });
      }
    }
  }
  const fieldsOf = (name: string): string[] => {
    const shape = declared.get(name);
    if (!shape) throw new Error(`No exported TypeScript shape ${name}.`);
    return [...shape.extends.flatMap(fieldsOf), ...names(shape.members)];
  };
  return {
    shapes: new Map([...declared.keys()].map((name) => [name, fieldsOf(name)])),
    nested(name) {
      const shape = declared.get(name);
      if (!shape) throw new Error(`No exported TypeScript shape ${name}.`);
      const inner = new Map<string, string[]>();
      for (const member of shape.members) {
        if (ts.isPropertySignature(member) && member.type && ts.isTypeLiteralNode(member.type)) {
          inner.set(propertyName(member), names(member.type.members));
        }
      }
      return inner;
    },
  };
}

function names(members: ts.NodeArray<ts.TypeElement>): string[] {
  return members.filter(ts.isPropertySignature).map(propertyName);
}

function propertyName(member: ts.PropertySignature): string {
  const name = member.name;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText();
}
