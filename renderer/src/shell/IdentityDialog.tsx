import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, type Settings } from '../../../electron/contract';
import { useApi } from '../api/api-context';
import { useApiData } from '../hooks/use-api-data';

/**
 * On a desk's first start: who is calling, for which company. Every contact record is signed with the name and the
 * scripts say it ("我是管家王敏"), so the app asks before anything else; the backend refuses unsigned records too.
 */
export function IdentityDialog() {
  const api = useApi();
  const { message } = App.useApp();
  // A broken settings file is reported on 关于/状态; there is nothing to ask here (data stays undefined).
  const settings = useApiData(() => api['settings.get']({}), [api]);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  // The desk's settings when they lack a name; null while unknown or once the name is saved.
  const needed = !saved && settings.data?.stewardName.trim() === '' ? settings.data : null;

  const save = async (values: Settings) => {
    setSaving(true);
    try {
      await api['settings.update']({ stewardName: values.stewardName.trim(), companyName: (values.companyName ?? '').trim() });
      message.success(`欢迎，${values.stewardName.trim()}`);
      setSaved(true);
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  // Gone as soon as the name is saved (no closing animation to wait for: the steward is ready to work).
  if (!needed) return null;
  return (
    <Modal open title="欢迎使用催缴通话助手" closable={false} mask={{ closable: false }} keyboard={false} footer={null} destroyOnHidden>
      <Typography.Paragraph>开始打电话之前，请先填写您的姓名：每条催缴记录都会署上这个名字，话术里的“我是管家……”也会用到。以后可以在 关于/状态 → 本机设置 里修改。</Typography.Paragraph>
      <Form<Settings> layout="vertical" initialValues={needed} onFinish={save} aria-label="填写管家姓名">
        <Form.Item label="管家姓名" name="stewardName" rules={[{ required: true, whitespace: true, message: '请填写您的姓名' }, { max: 20, message: '不超过 20 个字' }]}>
          <Input autoFocus placeholder="例如：王敏" maxLength={20} />
        </Form.Item>
        <Form.Item label="物业公司名称" name="companyName" rules={[{ max: 40, message: '不超过 40 个字' }]} extra="开场白里会说“我是……的管家”">
          <Input placeholder="例如：某某物业服务有限公司" maxLength={40} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} block>
          开始使用
        </Button>
      </Form>
    </Modal>
  );
}
