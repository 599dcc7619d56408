'use client';

export { FxAuthDevtools } from './FxAuthDevtools.js';
export type { DevtoolsPosition, FxAuthDevtoolsProps } from './FxAuthDevtools.js';
