import { z } from 'zod';
import { UNITS, type Unit } from '../money';

/** A display unit, as channels take it (the report export, the ledger export, import templates). */
export const unitSchema = z.enum(UNITS as [Unit, ...Unit[]], {
  error: '金额单位应为元（yuan）、万元（wan）或亿元（yi）',
});
