// `prepack` of the published packages: npm would ship `workspace:^` dependencies (which no install
// can resolve) and the repository-only `@fx-auth/source` condition. pnpm rewrites both.
const agent = process.env.npm_config_user_agent ?? '';
if (!agent.startsWith('pnpm/')) {
  console.error(
    'Pack and publish the fx-auth packages with pnpm (npx --yes pnpm@10 pack / publish): npm keeps workspace:^ versions.',
  );
  process.exit(1);
}
