/**
 * The chosen file sent to the backend as a chunked upload (ledger.uploadStart / uploadChunk), in order, with its
 * progress. An upload still ours when the dialog closes is cancelled; once a preview takes it over it is not.
 */
import { useEffect, useRef } from 'react';
import { useApi } from '../../../api/api-context';

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function useImportUpload() {
  const api = useApi();
  const uploadRef = useRef<string | null>(null);
  const openRef = useRef(true);

  useEffect(() => {
    openRef.current = true;
    return () => {
      openRef.current = false;
      if (uploadRef.current) void api['ledger.cancelUpload']({ uploadId: uploadRef.current }).catch(() => undefined);
    };
  }, [api]);

  /** Sends the file in chunks, in order, reporting the percent sent; resolves to the finished upload's id. */
  const upload = async (chosen: File, onProgress: (percent: number) => void): Promise<string> => {
    onProgress(0);
    const { uploadId, chunkBytes } = await api['ledger.uploadStart']({ fileName: chosen.name, sizeBytes: chosen.size });
    uploadRef.current = uploadId;
    try {
      for (let offset = 0; offset < chosen.size; offset += chunkBytes) {
        const chunk = await chosen.slice(offset, offset + chunkBytes).arrayBuffer();
        if (!openRef.current) throw new Error('导入已关闭。');
        await api['ledger.uploadChunk']({ uploadId, offset, contentBase64: toBase64(chunk) });
        onProgress(Math.round((Math.min(offset + chunkBytes, chosen.size) / chosen.size) * 100));
      }
      return uploadId;
    } catch (error) {
      uploadRef.current = null;
      void api['ledger.cancelUpload']({ uploadId }).catch(() => undefined);
      throw error;
    }
  };

  /** The preview took the upload over (the backend has dropped it): nothing is left to cancel. */
  const handedOver = () => {
    uploadRef.current = null;
  };

  /** The preview was refused before it started: the upload is still there, but a retry sends the file again. */
  const discard = (uploadId: string) => {
    if (uploadRef.current !== uploadId) return;
    uploadRef.current = null;
    void api['ledger.cancelUpload']({ uploadId }).catch(() => undefined);
  };

  /** Whether the dialog is still open (an answer arriving after it closed is dropped). */
  const isOpen = () => openRef.current;

  return { upload, handedOver, discard, isOpen };
}
