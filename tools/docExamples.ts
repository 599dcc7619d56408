import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A code example from a README or a TSDoc comment. */
export interface DocExample {
  /** Where it is, as `path:line` (the line of its opening fence). */
  where: string;
  language: 'ts' | 'tsx';
  code: string;
}

const FENCE = /^```(ts|tsx)\s*$/;

/** The ```ts and ```tsx blocks of `lines`, whose first line is line `firstLine` of `file`. */
function examplesIn(lines: readonly string[], file: string, firstLine = 1): DocExample[] {
  const found: DocExample[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const language = FENCE.exec(lines[index] ?? '')?.[1] as DocExample['language'] | undefined;
    if (!language) continue;
    const end = lines.findIndex((line, at) => at > index && line.startsWith('```'));
    if (end === -1) break;
    found.push({ where: `${file}:${firstLine + index}`, language, code: lines.slice(index + 1, end).join('\n') });
    index = end;
  }
  return found;
}

/** The code examples of a Markdown file. */
export function markdownExamples(root: string, path: string): DocExample[] {
  return examplesIn(readFileSync(join(root, path), 'utf8').split('\n'), path);
}

/** The code examples in the TSDoc comments of a source file (` * ` prefixes removed). */
export function tsdocExamples(root: string, path: string): DocExample[] {
  const lines = readFileSync(join(root, path), 'utf8').split('\n');
  const uncommented = lines.map((line) => (/^\s*\* ?/.test(line) ? line.replace(/^\s*\* ?/, '') : ''));
  return examplesIn(uncommented, path);
}

/** Every `.ts` and `.tsx` file under `directory`, as paths relative to `root`. */
export function sourceFiles(root: string, directory: string): string[] {
  return readdirSync(join(root, directory), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}
