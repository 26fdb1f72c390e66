import { randomBytes } from 'node:crypto';
import { ApiError } from '../../contract';
import { maskPhone } from '../../../domain/phone';
import { manualPayment } from '../../../domain/payments';
import { communityScope } from '../../../domain/roles';
import { signatureOf } from './desk';
import type { Handler } from './types';

// A household outside the actor's communities is refused by dispatch (the contract's `household` key); lists,
// search and facets leave them out here.
export const householdsFacets: Handler<'households.facets'> = async (_input, { queries, actor }) => queries.facets(communityScope(actor));

export const householdsList: Handler<'households.list'> = async (input, { queries, actor }) => queries.list(input, communityScope(actor));

export const householdsSearch: Handler<'households.search'> = async ({ query, limit }, { queries, actor }) => ({ hits: queries.search(query, limit, communityScope(actor)) });

export const householdsGet: Handler<'households.get'> = async ({ id }, { queries }) => queries.record(id);

export const householdsRevealPhone: Handler<'households.revealPhone'> = async ({ id, phoneIndex, purpose }, ctx) => {
  const { queries, contacts } = ctx;
  const phone = queries.phone(id, phoneIndex);
  const signature = signatureOf(ctx);
  await contacts.addPhoneAccess({
    id: randomBytes(6).toString('hex'),
    householdId: id,
    at: ctx.clock.now(),
    action: purpose,
    phoneMasked: maskPhone(phone),
    ...signature,
  });
  return { phone };
};

export const paymentsRecord: Handler<'payments.record'> = async (input, { ledger, queries, clock }) => {
  queries.record(input.householdId); // 404 for an unknown household
  if (input.paidOn > clock.today()) throw new ApiError({ code: 'VALIDATION', message: '缴费日期不能晚于今天。', issues: [{ path: 'paidOn', message: '不能晚于今天' }] });
  const idBase = randomBytes(4).toString('hex');
  // Allocated inside the write, against the items as they are then: parallel payments cannot overpay.
  await ledger.applyHouseholdChange(input.householdId, (items) => {
    const payment = manualPayment(items, input, idBase);
    if (!payment.ok) throw new ApiError({ code: 'VALIDATION', message: payment.reason, issues: [{ path: 'amountFen', message: payment.reason }] });
    return payment;
  });
  return queries.record(input.householdId);
};
