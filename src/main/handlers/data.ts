import type { dataChannels } from '../../shared/contract/data';
import type { HandlerMap } from './types';

export const dataHandlers: HandlerMap<keyof typeof dataChannels> = {};
