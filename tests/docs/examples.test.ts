import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownExamples, sourceFiles, tsdocExamples } from '../../tools/docExamples.js';
import { compileExamples } from './compileExamples.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const READMES = [
  'README.md',
  'packages/core/README.md',
  'packages/react/README.md',
  'packages/mock-server/README.md',
  'packages/devtools/README.md',
];
const SOURCES = [
  'packages/core/src',
  'packages/react/src',
  'packages/mock-server/src',
  'packages/devtools/src',
  'packages/testing/src',
];

const examples = [
  ...READMES.flatMap((path) => markdownExamples(root, path)),
  ...SOURCES.flatMap((directory) => sourceFiles(root, directory)).flatMap((path) => tsdocExamples(root, path)),
];

describe('code examples in the READMEs and TSDoc', () => {
  it('should find the examples of every README and of the TSDoc', () => {
    for (const path of READMES) expect(examples.some(({ where }) => where.startsWith(`${path}:`))).toBe(true);
    expect(examples.filter(({ where }) => where.includes('/src/')).length).toBeGreaterThan(10);
  });

  it('should type-check every one of them, strict, against the packages', () => {
    // From bench/, which depends on every package, each module an example uses resolves (the workspace's links).
    expect(compileExamples(examples, join(root, 'bench'))).toEqual([]);
  }, 120_000);
});
