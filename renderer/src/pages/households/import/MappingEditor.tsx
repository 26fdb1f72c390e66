/** 列映射: which column of the file each import field reads, re-checked on demand, and saved under a name. */
import { Button, Input, Select, Space } from 'antd';
import type { HeaderMapping } from '../../../../../electron/contract';
import { importFields, type ImportFieldId } from '../../../../../domain/import/fields';

export interface MappingEditorProps {
  /** The file's header row. */
  headers: readonly string[];
  /** Open at once when required columns are missing. */
  open: boolean;
  mapping: HeaderMapping;
  onMappingChange(mapping: HeaderMapping): void;
  onReanalyse(): void;
  saveName: string;
  onSaveNameChange(name: string): void;
  onSaveMapping(): void;
}

export function MappingEditor(props: MappingEditorProps) {
  const headerOptions = props.headers.filter(Boolean).map((header) => ({ value: header, label: header }));
  return (
    <details open={props.open}>
      <summary>列映射（点此修改）</summary>
      <div className="mapping-grid">
        {importFields.map((field) => (
          <label key={field.id} className="mapping-cell">
            <span>{field.label}</span>
            <Select
              aria-label={`映射：${field.label}`}
              allowClear
              size="small"
              placeholder="（无）"
              style={{ width: 160 }}
              value={props.mapping[field.id as ImportFieldId]}
              options={headerOptions}
              onChange={(value?: string) => {
                const next = { ...props.mapping };
                if (value) next[field.id] = value;
                else delete next[field.id];
                props.onMappingChange(next);
              }}
            />
          </label>
        ))}
      </div>
      <Space style={{ marginTop: 8 }} wrap>
        <Button onClick={props.onReanalyse}>按此映射重新检查</Button>
        <Input aria-label="映射名称" placeholder="给这个映射起个名字，如：XX收费系统" value={props.saveName} onChange={(event) => props.onSaveNameChange(event.target.value)} style={{ width: 240 }} />
        <Button disabled={!props.saveName.trim()} onClick={props.onSaveMapping}>
          保存映射
        </Button>
      </Space>
    </details>
  );
}
