import { EyeOutlined, PhoneOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/api-context';

const REVEAL_SECONDS = 15;

/**
 * A masked number with 显示 and 拨打. Both fetch the whole number from the backend, which logs the access.
 * A revealed number hides itself again after a few seconds.
 */
export function PhoneActions({ householdId, index, masked, onAccess }: { householdId: string; index: number; masked: string; onAccess(): void }) {
  const api = useApi();
  const { message } = App.useApp();
  const [shown, setShown] = useState<string | null>(null);

  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), REVEAL_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [shown]);

  const fetchPhone = async (purpose: 'reveal' | 'dial') => {
    try {
      const { phone } = await api['households.revealPhone']({ id: householdId, phoneIndex: index, purpose });
      onAccess();
      return phone;
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
      return null;
    }
  };

  return (
    <Space size={4}>
      <Typography.Text strong copyable={shown ? { text: shown, tooltips: ['复制', '已复制'] } : false} aria-label={shown ? '完整号码' : '号码（已打码）'}>
        {shown ?? masked}
      </Typography.Text>
      <Tooltip title="显示完整号码（会记录查看）">
        <Button size="small" type="text" icon={<EyeOutlined />} aria-label={`显示号码 ${masked}`} onClick={async () => setShown(await fetchPhone('reveal'))} />
      </Tooltip>
      <Tooltip title="用电脑上的电话软件拨打（会记录）">
        <Button
          size="small"
          type="text"
          icon={<PhoneOutlined />}
          aria-label={`拨打 ${masked}`}
          onClick={async () => {
            const phone = await fetchPhone('dial');
            if (phone) window.open(`tel:${phone}`, '_blank');
          }}
        />
      </Tooltip>
    </Space>
  );
}
