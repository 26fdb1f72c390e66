/** The column mappings saved by name (mappings.list / mappings.save), and the name typed for the next one. */
import { App } from 'antd';
import { useEffect, useState } from 'react';
import type { HeaderMapping, SavedMapping } from '../../../../../electron/contract';
import { useApi } from '../../../api/api-context';

export function useSavedMappings() {
  const api = useApi();
  const { message } = App.useApp();
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [newName, setNewName] = useState('');

  useEffect(() => {
    void api['mappings.list']({}).then((result) => setSaved(result.mappings));
  }, [api]);

  const save = async (mapping: HeaderMapping | null) => {
    if (!mapping || !newName.trim()) return;
    const result = await api['mappings.save']({ name: newName.trim(), fields: mapping });
    setSaved(result.mappings);
    message.success(`列映射「${newName.trim()}」已保存`);
  };

  return { saved, newName, setNewName, save };
}
