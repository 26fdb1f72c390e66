/**
 * What the user chose for the import: the file (only its handle: it is read a chunk at a time while uploading, and
 * again for each re-check), the community for rooms without one, what the file covers, and a saved mapping.
 */
import { useState } from 'react';
import { communityFromFileName, refusedBeforeUpload } from './import-file';

export type ImportScope = 'community' | 'household';

export function useImportChoice() {
  const [file, setFile] = useState<File | null>(null);
  const [community, setCommunity] = useState('');
  // Typed by the user (kept), or proposed by us: the file name, then the community a title row names.
  const [communityTyped, setCommunityTyped] = useState(false);
  const [scope, setScope] = useState<ImportScope>('community');
  const [mappingName, setMappingName] = useState<string | undefined>();

  /** Takes the file unless it is refused at once; returns why it was refused, or null. */
  const choose = (chosen: File): string | null => {
    const refused = refusedBeforeUpload(chosen);
    setFile(refused ? null : chosen);
    if (!refused) {
      setCommunity(communityFromFileName(chosen.name));
      setCommunityTyped(false);
    }
    return refused;
  };

  const typeCommunity = (name: string) => {
    setCommunity(name);
    setCommunityTyped(true);
  };

  return {
    file,
    choose,
    community,
    communityTyped,
    typeCommunity,
    /** The community a title row names, proposed in place of ours (the user has typed none). */
    proposeCommunity: setCommunity,
    scope,
    setScope,
    mappingName,
    setMappingName,
  };
}
