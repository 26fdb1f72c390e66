import { ApiError } from '../../contract';
import { shanghaiTimestamp } from '../../../domain/clock';
import type { BackendContext, Handler } from './types';

const history = (ledger: BackendContext['ledger']) => ({ entries: ledger.imports().reverse(), undoableId: ledger.undoableImportId() });

export const ledgerPreviewImport: Handler<'ledger.previewImport'> = async (input, { imports, store }) => {
  let mapping = input.mapping;
  if (input.mappingName && !mapping) {
    const saved = store.file('mappings').read().mappings.find((entry) => entry.name === input.mappingName);
    if (!saved) throw new ApiError({ code: 'NOT_FOUND', message: `没有名为「${input.mappingName}」的列映射。` });
    mapping = saved.fields;
  }
  return { jobId: imports.start({ ...input, ...(mapping ? { mapping } : {}) }) };
};

export const ledgerImportStatus: Handler<'ledger.importStatus'> = async ({ jobId }, { imports }) => imports.status(jobId);

export const ledgerCommitImport: Handler<'ledger.commitImport'> = async ({ jobId, skipErrorRows }, { imports }) => imports.commit(jobId, skipErrorRows);

export const ledgerCancelImport: Handler<'ledger.cancelImport'> = async ({ jobId }, { imports }) => ({ cancelled: imports.cancel(jobId) });

export const ledgerImports: Handler<'ledger.imports'> = async (_input, { ledger }) => history(ledger);

export const ledgerUndoImport: Handler<'ledger.undoImport'> = async ({ importId }, { ledger }) => {
  await ledger.undoImport(importId);
  return history(ledger);
};

export const mappingsList: Handler<'mappings.list'> = async (_input, { store }) => ({ mappings: [...store.file('mappings').read().mappings] });

export const mappingsSave: Handler<'mappings.save'> = async ({ name, fields }, { store }) => {
  const saved = await store.file('mappings').update((draft) => {
    draft.mappings = [...draft.mappings.filter((entry) => entry.name !== name), { name, fields, savedAt: shanghaiTimestamp() }];
  });
  return { mappings: saved.mappings };
};

export const mappingsDelete: Handler<'mappings.delete'> = async ({ name }, { store }) => {
  const saved = await store.file('mappings').update((draft) => {
    draft.mappings = draft.mappings.filter((entry) => entry.name !== name);
  });
  return { mappings: saved.mappings };
};
