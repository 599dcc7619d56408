// Bundlers replace `process.env.NODE_ENV` in dependencies; without a bundler there is no `process`.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Whether this is a production build. The expression must stay `process.env.NODE_ENV` as written,
 * for bundlers to replace it; a page without a bundler has no `process` and counts as development.
 */
export function isProduction(): boolean {
  try {
    return process.env.NODE_ENV === 'production';
  } catch {
    return false;
  }
}
