import type { z } from 'zod';
import { appChannels } from './app';
import { complianceChannels } from './compliance';
import { connectionChannels } from './connection';
import { dataChannels } from './data';
import type { ChannelDef } from './define';
import { evaluationChannels } from './evaluation';
import { ledgerChannels } from './ledger';
import { reportsChannels } from './reports';

/**
 * The one contract between renderer and main. Each area adds its channels in its own file and
 * spreads them here; main validates every call against `input`, the renderer is typed by it.
 */
export const contract = {
  ...appChannels,
  ...ledgerChannels,
  ...reportsChannels,
  ...dataChannels,
  ...complianceChannels,
  ...evaluationChannels,
  ...connectionChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type ResultOf<C extends Channel> = Contract[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

export * from './app';
export * from './compliance';
export * from './connection';
export * from './data';
export * from './define';
export * from './evaluation';
export * from './ledger';
export * from './reports';
