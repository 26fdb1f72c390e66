/** 拒缴: the reason the owner gives, written down as they say it; Enter records it. */
import { Button, Input, Space, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';

export function RefusalForm({ onRecorded }: { onRecorded(reason: string): void }) {
  const [reason, setReason] = useState('');
  const field = useRef<InputRef>(null);
  useEffect(() => field.current?.focus(), []);
  const record = () => reason.trim() && onRecorded(reason.trim());
  return (
    <Space.Compact style={{ width: '100%', marginTop: 10 }}>
      <Input
        ref={field}
        aria-label="拒缴原因"
        placeholder="记下业主说的原因，Enter 记录"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.ctrlKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            record();
          }
        }}
        maxLength={500}
      />
      <Button disabled={!reason.trim()} onClick={record}>
        记录原因
      </Button>
    </Space.Compact>
  );
}
