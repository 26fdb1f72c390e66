/**
 * 导入台账's flow: choose → upload and analyse (a job polled until it has a preview) → check the preview → commit all
 * or nothing. A title row naming another community re-checks the file with it; a failure goes back to the choice.
 */
import { App } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, type HeaderMapping, type ImportEntry, type ImportPreview } from '../../../../../electron/contract';
import { useApi } from '../../../api/api-context';
import { communityFromFileName } from './import-file';
import { useImportChoice } from './use-import-choice';
import { useImportUpload } from './use-import-upload';

export type ImportStage =
  | { step: 'choose' }
  | { step: 'uploading'; percent: number }
  | { step: 'running'; jobId: string; phase: string; percent: number }
  | { step: 'preview'; jobId: string; preview: ImportPreview; community: string }
  | { step: 'done'; entry: ImportEntry };

/** What went wrong last; an upload that failed can simply be tried again. */
export interface ImportFailure {
  kind: 'upload' | 'analysis';
  message: string;
  /** The mapping the failed attempt used (a retry repeats it). */
  override: HeaderMapping | null;
}

const POLL_MS = 150;

/** A title row names a community other than the one this preview used, and the user did not type that one. */
const proposesOtherCommunity = (preview: ImportPreview, used: string, typed: boolean): boolean =>
  !typed && preview.suggestedCommunity !== null && preview.suggestedCommunity !== used;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useImportFlow({ onImported }: { onImported(): void }) {
  const api = useApi();
  const { message } = App.useApp();
  const choice = useImportChoice();
  const { file, community, communityTyped, scope, mappingName } = choice;
  const uploads = useImportUpload();
  const [stage, setStage] = useState<ImportStage>({ step: 'choose' });
  const [mapping, setMapping] = useState<HeaderMapping | null>(null);
  const [skipErrors, setSkipErrors] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const jobRef = useRef<string | null>(null);

  // A job still running or holding its batch when the dialog closes is cancelled.
  useEffect(
    () => () => {
      if (jobRef.current) void api['ledger.cancelImport']({ jobId: jobRef.current }).catch(() => undefined);
    },
    [api],
  );

  // A file refused at once says why, as a failure with nothing to retry.
  const choose = (chosen: File) => {
    const refused = choice.choose(chosen);
    setFailure(refused ? { kind: 'analysis', message: refused, override: null } : null);
  };

  const start = async (override: HeaderMapping | null = mapping, defaultCommunity = community.trim() || (file ? communityFromFileName(file.name) : '')): Promise<void> => {
    if (!file) return;
    setFailure(null);
    // A re-check replaces the preview shown: its job (and the batch it holds) is no longer needed.
    const previous = jobRef.current;
    jobRef.current = null;
    if (previous) void api['ledger.cancelImport']({ jobId: previous }).catch(() => undefined);
    let uploadId: string;
    try {
      uploadId = await uploads.upload(file, (percent) => setStage({ step: 'uploading', percent }));
    } catch (error) {
      if (!uploads.isOpen()) return;
      setFailure({ kind: 'upload', message: errorText(error), override });
      setStage({ step: 'choose' });
      return;
    }
    try {
      const { jobId } = await api['ledger.previewImport']({
        uploadId,
        defaultCommunity,
        scope,
        ...(override ? { mapping: override } : mappingName ? { mappingName } : {}),
      });
      uploads.handedOver();
      jobRef.current = jobId;
      setStage({ step: 'running', jobId, phase: '读取文件', percent: 0 });
      for (;;) {
        const status = await api['ledger.importStatus']({ jobId });
        if (jobRef.current !== jobId) return;
        if (status.state === 'running') {
          setStage({ step: 'running', jobId, phase: status.phase, percent: status.total ? Math.round((status.done / status.total) * 100) : 0 });
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          continue;
        }
        if (status.state === 'failed') {
          setFailure({ kind: 'analysis', message: status.message, override });
          setStage({ step: 'choose' });
        } else if (proposesOtherCommunity(status.preview, defaultCommunity, communityTyped)) {
          // The title names the community: check again with it, so that the import files the rooms there.
          choice.proposeCommunity(status.preview.suggestedCommunity!);
          await start(override, status.preview.suggestedCommunity!);
        } else {
          setMapping(status.preview.mapping);
          setStage({ step: 'preview', jobId, preview: status.preview, community: defaultCommunity });
        }
        return;
      }
    } catch (error) {
      uploads.discard(uploadId);
      setFailure({ kind: 'analysis', message: errorText(error), override });
      setStage({ step: 'choose' });
    }
  };

  const commit = async (jobId: string) => {
    setCommitting(true);
    try {
      const entry = await api['ledger.commitImport']({ jobId, skipErrorRows: skipErrors });
      jobRef.current = null;
      setStage({ step: 'done', entry });
      onImported();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : String(error));
    } finally {
      setCommitting(false);
    }
  };

  const back = () => setStage({ step: 'choose' });

  return { stage, choice: { ...choice, choose }, failure, mapping, setMapping, skipErrors, setSkipErrors, committing, start, commit, back };
}
