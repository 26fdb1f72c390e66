import { Alert, App, Button, Card, Form, Input, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, type Settings } from '../../../../electron/contract';
import { useApi } from '../../api/api-context';

type FieldErrors = Partial<Record<keyof Settings, string>>;

/** Per-desk settings: who is calling, for which company (used in the opening line). */
export function SettingsCard() {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<Settings>();
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    api['settings.get']({}).then(
      (settings) => live && setLoaded(settings),
      (error: unknown) => live && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const save = async (values: Settings) => {
    setSaving(true);
    try {
      const saved = await api['settings.update'](values);
      setLoaded(saved);
      form.setFieldsValue(saved);
      message.success('设置已保存');
    } catch (error) {
      if (error instanceof ApiError && error.issues?.length) {
        const byField: FieldErrors = {};
        for (const issue of error.issues) byField[issue.path as keyof Settings] = issue.message;
        form.setFields(Object.entries(byField).map(([name, text]) => ({ name: name as keyof Settings, errors: [text] })));
      }
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="本机设置">
      {loadError ? (
        <Alert type="error" showIcon title="无法读取本机设置" description={loadError} />
      ) : !loaded ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Form<Settings> form={form} layout="vertical" initialValues={loaded} onFinish={save} style={{ maxWidth: 420 }}>
          <Form.Item label="管家姓名" name="stewardName" extra="通话话术中的“我是……”会用到" rules={[{ max: 20, message: '不超过 20 个字' }]}>
            <Input placeholder="例如：王敏" maxLength={40} />
          </Form.Item>
          <Form.Item label="物业公司名称" name="companyName" rules={[{ max: 40, message: '不超过 40 个字' }]}>
            <Input placeholder="例如：某某物业服务有限公司" maxLength={80} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存设置
          </Button>
        </Form>
      )}
    </Card>
  );
}
