import { appStatus, storageForgetMissingFile } from './app-handlers';
import { contactsLogMessage, followupsAct, followupsAssignees, followupsNext, followupsToday, followupsUndo, grievancesRepairDone, teamSettingsGet, teamSettingsUpdate } from './follow-up-handlers';
import { callsCheck, callsClearDraft, callsDraft, callsSave, callsSaveDraft, callsStart } from './call-handlers';
import { householdsFacets, householdsGet, householdsList, householdsRevealPhone, householdsSearch, paymentsRecord } from './household-handlers';
import {
  ledgerCancelImport,
  ledgerCancelUpload,
  ledgerCommitImport,
  ledgerExportArrears,
  ledgerImports,
  ledgerImportStatus,
  ledgerPreviewImport,
  ledgerSeedDemo,
  ledgerUndoImport,
  ledgerUploadChunk,
  ledgerUploadStart,
  mappingsDelete,
  mappingsList,
  mappingsSave,
} from './ledger-handlers';
import { scriptsArchive, scriptsDuplicate, scriptsExport, scriptsImport, scriptsList, scriptsRestore, scriptsSave } from './script-handlers';
import { settingsGet, settingsUpdate } from './settings-handlers';
import type { Handlers } from './types';

export type { BackendContext, CallContext, Handlers } from './types';

export const handlers: Handlers = {
  'app.status': appStatus,
  'settings.get': settingsGet,
  'settings.update': settingsUpdate,
  'households.facets': householdsFacets,
  'households.list': householdsList,
  'households.search': householdsSearch,
  'households.get': householdsGet,
  'households.revealPhone': householdsRevealPhone,
  'payments.record': paymentsRecord,
  'ledger.uploadStart': ledgerUploadStart,
  'ledger.uploadChunk': ledgerUploadChunk,
  'ledger.cancelUpload': ledgerCancelUpload,
  'ledger.previewImport': ledgerPreviewImport,
  'ledger.importStatus': ledgerImportStatus,
  'ledger.commitImport': ledgerCommitImport,
  'ledger.cancelImport': ledgerCancelImport,
  'ledger.imports': ledgerImports,
  'ledger.undoImport': ledgerUndoImport,
  'ledger.exportArrears': ledgerExportArrears,
  'ledger.seedDemo': ledgerSeedDemo,
  'storage.forgetMissingFile': storageForgetMissingFile,
  'mappings.list': mappingsList,
  'mappings.save': mappingsSave,
  'mappings.delete': mappingsDelete,
  'scripts.list': scriptsList,
  'scripts.save': scriptsSave,
  'scripts.duplicate': scriptsDuplicate,
  'scripts.archive': scriptsArchive,
  'scripts.restore': scriptsRestore,
  'scripts.export': scriptsExport,
  'scripts.import': scriptsImport,
  'calls.start': callsStart,
  'calls.check': callsCheck,
  'calls.save': callsSave,
  'calls.saveDraft': callsSaveDraft,
  'calls.draft': callsDraft,
  'calls.clearDraft': callsClearDraft,
  'followups.today': followupsToday,
  'followups.act': followupsAct,
  'followups.undo': followupsUndo,
  'followups.assignees': followupsAssignees,
  'followups.next': followupsNext,
  'grievances.repairDone': grievancesRepairDone,
  'contacts.logMessage': contactsLogMessage,
  'teamSettings.get': teamSettingsGet,
  'teamSettings.update': teamSettingsUpdate,
};
