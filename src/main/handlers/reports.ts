import type { reportsChannels } from '../../shared/contract/reports';
import type { HandlerMap } from './types';

export const reportsHandlers: HandlerMap<keyof typeof reportsChannels> = {};
