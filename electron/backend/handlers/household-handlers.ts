import { randomBytes } from 'node:crypto';
import { ApiError } from '../../contract';
import { shanghaiTimestamp } from '../../../domain/clock';
import { maskPhone } from '../../../domain/phone';
import { allocatePayment } from '../../../domain/payments';
import type { Handler } from './types';

export const householdsFacets: Handler<'households.facets'> = async (_input, { queries }) => queries.facets();

export const householdsList: Handler<'households.list'> = async (input, { queries }) => queries.list(input);

export const householdsSearch: Handler<'households.search'> = async ({ query, limit }, { queries }) => ({ hits: queries.search(query, limit) });

export const householdsGet: Handler<'households.get'> = async ({ id }, { queries }) => queries.record(id);

export const householdsRevealPhone: Handler<'households.revealPhone'> = async ({ id, phoneIndex, purpose }, { queries, contacts, store }) => {
  const phone = queries.phone(id, phoneIndex);
  await contacts.addPhoneAccess({
    id: randomBytes(6).toString('hex'),
    householdId: id,
    at: shanghaiTimestamp(),
    action: purpose,
    phoneMasked: maskPhone(phone),
    steward: store.file('settings').read().stewardName || '未署名',
  });
  return { phone };
};

export const paymentsRecord: Handler<'payments.record'> = async (input, { ledger, queries, today }) => {
  queries.record(input.householdId); // 404 for an unknown household
  if (input.paidOn > today()) throw new ApiError({ code: 'VALIDATION', message: '缴费日期不能晚于今天。', issues: [{ path: 'paidOn', message: '不能晚于今天' }] });
  const allocation = allocatePayment(ledger.itemsOf(input.householdId), input.amountFen);
  if (!allocation.ok) throw new ApiError({ code: 'VALIDATION', message: allocation.reason, issues: [{ path: 'amountFen', message: allocation.reason }] });
  const base = randomBytes(4).toString('hex');
  const payments = allocation.allocations.map((part, index) => ({
    id: `pay-${base}-${index + 1}`,
    householdId: input.householdId,
    itemKey: part.itemKey,
    amountFen: part.amountFen,
    paidOn: input.paidOn,
    source: 'manual' as const,
    importId: null,
    channel: input.channel,
    note: input.note,
  }));
  await ledger.applyHouseholdChange(input.householdId, allocation.items, payments);
  return queries.record(input.householdId);
};
