/**
 * The single entry point every transport calls (IPC, HTTP, the CLI), with the actor it vouches for: check that the
 * actor's roles may call the method, validate the input against the contract, run the handler, and turn every
 * outcome into an envelope. Nothing is written unless the caller may and the input validated.
 */
import type { z } from 'zod';
import { ApiError, contract, isMethodName, type ApiErrorBody, type Envelope } from '../contract';
import { communityScope, forbiddenMessage, mayCall, OUT_OF_SCOPE_MESSAGE, type Actor } from '../../domain/roles';
import type { BackendContext, CallContext, Handlers } from './handlers';

export function validationError(error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const summary = issues.map((issue) => (issue.path ? `${issue.path}：${issue.message}` : issue.message)).join('；');
  return new ApiError({ code: 'VALIDATION', message: `请求内容有误：${summary}`, issues });
}

export function toErrorBody(error: unknown, log: (message: string) => void): ApiErrorBody {
  if (error instanceof ApiError) return error.toBody();
  log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return { code: 'INTERNAL', message: '程序内部错误，操作未完成。请重试；如果反复出现，请把日志发给管理员。' };
}

export type Dispatch = (method: string, rawInput: unknown, actor: Actor) => Promise<Envelope<unknown>>;

export function createDispatch(handlers: Handlers, ctx: BackendContext, log: (message: string) => void): Dispatch {
  return async (method, rawInput, actor) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `没有名为「${method}」的接口。` } };
    }
    const { access } = contract[method];
    if (!mayCall(actor, access)) return { ok: false, error: { code: 'FORBIDDEN', message: forbiddenMessage(actor, access) } };
    const parsed = contract[method].input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) return { ok: false, error: validationError(parsed.error).toBody() };
    // A household outside the actor's communities is as good as not there: nothing read, nothing written.
    const householdKey = (contract[method] as { household?: string }).household;
    const scope = householdKey ? communityScope(actor) : null;
    if (scope && householdKey) {
      const id = (parsed.data as Record<string, unknown>)[householdKey];
      const community = typeof id === 'string' ? ctx.ledger.household(id)?.community : undefined;
      if (community === undefined || !scope.has(community)) return { ok: false, error: { code: 'NOT_FOUND', message: OUT_OF_SCOPE_MESSAGE } };
    }
    try {
      const handler = handlers[method] as (input: unknown, context: CallContext) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, { ...ctx, actor }) };
    } catch (error) {
      return { ok: false, error: toErrorBody(error, log) };
    }
  };
}
