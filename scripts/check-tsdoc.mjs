// `npm run lint:tsdoc`: every export of each package's entry point (packages/*/src/index.ts) has a TSDoc comment,
// on the declaration the export leads to (re-exports followed). Prints each undocumented export and exits 1.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/**
 * Whether `declaration` (or, for a variable, its statement) carries a `/** … *\/` comment.
 * @param {import('typescript').Declaration} declaration
 */
function hasTsDoc(declaration) {
  const node = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  const docs = ts.getJSDocCommentsAndTags(node);
  return docs.some((doc) => ts.isJSDoc(doc) && (doc.comment !== undefined || (doc.tags?.length ?? 0) > 0));
}

let missing = 0;
let checked = 0;
for (const name of packages) {
  const entry = join(root, 'packages', name, 'src', 'index.ts');
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) continue;
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) continue;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = (symbol.declarations ?? []).filter(
      (declaration) => !declaration.getSourceFile().isDeclarationFile,
    );
    if (declarations.length === 0) continue; // from another package (e.g. a type re-exported from @uksmr/feature-flags)
    checked += 1;
    if (declarations.some(hasTsDoc)) continue;
    const declaration = declarations[0];
    const file = declaration.getSourceFile();
    const { line } = file.getLineAndCharacterOfPosition(declaration.getStart());
    console.error(
      `${relative(root, file.fileName)}:${line + 1}: export ${exported.name} of @uksmr/${name} has no TSDoc comment`,
    );
    missing += 1;
  }
}
if (missing > 0) {
  console.error(`${missing} of ${checked} package exports have no TSDoc comment`);
  process.exit(1);
}
console.log(`TSDoc: all ${checked} exports of ${packages.length} packages are documented`);
