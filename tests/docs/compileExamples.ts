import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { DocExample } from '../../tools/docExamples.js';

/** Modules whose exports an example may use without importing them (READMEs leave imports out). */
const MODULES = [
  '@fx-auth/core',
  '@fx-auth/core/events',
  '@fx-auth/react',
  '@fx-auth/devtools',
  '@fx-auth/mock-server',
  '@fx-auth/testing',
  'react',
  'react-dom/client',
  '@tanstack/react-query',
  'vitest',
];

/** What examples may use without defining: the app's own variables and components. */
const AMBIENT = `
type AppClient = import('@fx-auth/core').AuthClient<import('@fx-auth/core').Credentials>;
declare const auth: AppClient;
declare const client: AppClient;
declare const queryClient: import('@tanstack/react-query').QueryClient;
declare const username: string;
declare const password: string;
declare const tokenUrl: string;
declare const clientId: string;
declare const clientSecret: string;
declare const provider: import('@fx-auth/core').TokenProvider<import('@fx-auth/core').Credentials>;
declare const offersUrl: string;
declare const meUrl: string;
declare const meSchema: import('@fx-auth/react').StandardSchemaV1<{ plan: 'free' | 'pro' }>;
declare const myProfile: import('@fx-auth/react').UserProfile;
declare const root: HTMLElement;
declare function render(...values: unknown[]): void;
declare function showWrongPassword(): void;
declare function App(): import('react').ReactNode;
declare function LoginPage(): import('react').ReactNode;
declare function LoginForm(): import('react').ReactNode;
declare function Greeting(): import('react').ReactNode;
declare function MapView(props: { headers: Record<string, string> }): import('react').ReactNode;
`;

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2024.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  customConditions: ['@fx-auth/source'],
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
};

/** Every name `module` exports (values and types), read by the compiler from `directory`. */
function exportsOf(directory: string): Map<string, string> {
  const probe = join(directory, 'probe.ts');
  writeFileSync(probe, MODULES.map((module, index) => `import * as m${index} from '${module}';`).join('\n'));
  const names = new Map<string, string>();
  const source = ts.createProgram([probe], OPTIONS);
  const sourceChecker = source.getTypeChecker();
  const file = source.getSourceFile(probe);
  file?.statements.forEach((statement, index) => {
    if (!ts.isImportDeclaration(statement)) return;
    const symbol = sourceChecker.getSymbolAtLocation(statement.moduleSpecifier);
    if (!symbol) throw new Error(`${MODULES[index]} cannot be resolved from ${directory}`);
    for (const exported of sourceChecker.getExportsOfModule(symbol)) {
      if (!names.has(exported.name) && exported.name !== 'default') names.set(exported.name, MODULES[index]!);
    }
  });
  return names;
}

/** Names the example imports itself. */
function importedBy(code: string): Set<string> {
  const names = new Set<string>();
  for (const [, list] of code.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from/g)) {
    for (const part of (list ?? '').split(',')) {
      const name = part
        .replace(/^\s*type\s+/, '')
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.add(name);
    }
  }
  for (const [, name] of code.matchAll(/import\s+(?:type\s+)?(\w+)\s*(?:,|from)/g)) names.add(name!);
  return names;
}

/** The example as a module: its imports on top, the rest the body of an async function. */
function toModule(example: DocExample, exported: Map<string, string>): string {
  const lines = example.code.split('\n');
  const imports = lines.filter((line) => /^import\s/.test(line));
  const body = lines
    .filter((line) => !/^import\s/.test(line))
    .map((line) => line.replace(/^export default /, 'const exampleDefault = ').replace(/^export\s+/, ''));
  const own = importedBy(example.code);
  const wanted = new Map<string, string[]>();
  for (const [name, module] of exported) {
    if (own.has(name) || !new RegExp(`\\b${name}\\b`).test(body.join('\n'))) continue;
    wanted.set(module, [...(wanted.get(module) ?? []), name]);
  }
  const added = [...wanted].map(([module, names]) => `import { ${names.join(', ')} } from '${module}';`);
  return [...imports, ...added, AMBIENT, 'export async function example() {', ...body, '}'].join('\n');
}

/**
 * Type-checks `examples` as a reader would paste them into an app of this workspace (the packages'
 * sources, strict TypeScript): the messages of every error, each prefixed with where the example is.
 * `directory` must be one from which the modules above resolve.
 */
export function compileExamples(examples: readonly DocExample[], directory: string): string[] {
  const work = mkdtempSync(join(directory, '.examples-'));
  try {
    const exported = exportsOf(work);
    const files = examples.map((example, index) => {
      const path = join(work, `example${index}.${example.language}`);
      writeFileSync(path, toModule(example, exported));
      return { path, example };
    });
    const program = ts.createProgram(
      files.map(({ path }) => path),
      OPTIONS,
    );
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const example = files.find(({ path }) => path === diagnostic.file?.fileName)?.example;
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      return `${example?.where ?? diagnostic.file?.fileName ?? '?'}: ${message}`;
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
