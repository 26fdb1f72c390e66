import { communityScope } from '../../../domain/roles';
import { ApiError } from '../../contract';
import { arrearsRows, EXPORT_HEADERS } from '../ledger/arrears-export';
import { seedDemoData } from '../ledger/demo-seed';
import type { BackendContext, Handler } from './types';

const history = (ledger: BackendContext['ledger']) => ({ entries: ledger.imports().reverse(), undoableId: ledger.undoableImportId() });

export const ledgerUploadStart: Handler<'ledger.uploadStart'> = async ({ fileName, sizeBytes }, { uploads }) => uploads.start(fileName, sizeBytes);

export const ledgerUploadChunk: Handler<'ledger.uploadChunk'> = async ({ uploadId, offset, contentBase64 }, { uploads }) => uploads.chunk(uploadId, offset, contentBase64);

export const ledgerCancelUpload: Handler<'ledger.cancelUpload'> = async ({ uploadId }, { uploads }) => ({ cancelled: uploads.cancel(uploadId) });

export const ledgerPreviewImport: Handler<'ledger.previewImport'> = async ({ uploadId, ...input }, ctx) => {
  let mapping = input.mapping;
  if (input.mappingName && !mapping) {
    const saved = ctx.storage.mappings.read().mappings.find((entry) => entry.name === input.mappingName);
    if (!saved) throw new ApiError({ code: 'NOT_FOUND', message: `没有名为「${input.mappingName}」的列映射。` });
    mapping = saved.fields;
  }
  // Only once everything else is settled: a refused preview leaves the upload in place for another try.
  const { fileName, bytes } = ctx.uploads.take(uploadId);
  return { jobId: ctx.imports.start({ ...input, fileName, ...(mapping ? { mapping } : {}) }, bytes) };
};

export const ledgerImportStatus: Handler<'ledger.importStatus'> = async ({ jobId }, { imports }) => imports.status(jobId);

export const ledgerCommitImport: Handler<'ledger.commitImport'> = async ({ jobId, skipErrorRows }, { imports }) => imports.commit(jobId, skipErrorRows);

export const ledgerCancelImport: Handler<'ledger.cancelImport'> = async ({ jobId }, { imports }) => ({ cancelled: imports.cancel(jobId) });

export const ledgerImports: Handler<'ledger.imports'> = async (_input, { ledger }) => history(ledger);

export const ledgerUndoImport: Handler<'ledger.undoImport'> = async ({ importId }, { ledger }) => {
  await ledger.undoImport(importId);
  return history(ledger);
};

export const ledgerExportArrears: Handler<'ledger.exportArrears'> = async ({ community }, { ledger, actor }) => ({ headers: [...EXPORT_HEADERS], rows: arrearsRows(ledger, community, communityScope(actor)) });

/** Demo data only into an empty ledger (checked inside the write): never mixed into real households. */
export const ledgerSeedDemo: Handler<'ledger.seedDemo'> = async ({ households, seed }, { ledger, clock }) => {
  if (ledger.error) throw ledger.error; // before generating what could not be written
  return seedDemoData(ledger, { households, today: clock.today(), ...(seed === undefined ? {} : { seed }) });
};

export const mappingsList: Handler<'mappings.list'> = async (_input, { storage }) => ({ mappings: [...storage.mappings.read().mappings] });

export const mappingsSave: Handler<'mappings.save'> = async ({ name, fields }, { storage, clock }) => {
  const saved = await storage.mappings.update((draft) => {
    draft.mappings = [...draft.mappings.filter((entry) => entry.name !== name), { name, fields, savedAt: clock.now() }];
  });
  return { mappings: saved.mappings };
};

export const mappingsDelete: Handler<'mappings.delete'> = async ({ name }, { storage }) => {
  const saved = await storage.mappings.update((draft) => {
    draft.mappings = draft.mappings.filter((entry) => entry.name !== name);
  });
  return { mappings: saved.mappings };
};
