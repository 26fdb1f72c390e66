import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/contract';
import { App } from '../../renderer/src/App';
import { resetStatusStore } from '../../renderer/src/stores/status-store';
import { fakeApi, statusFixture } from './support/fake-api';

beforeEach(() => {
  resetStatusStore();
  window.location.hash = '#/about';
});

const renderAbout = (api = fakeApi()) => {
  render(<App connection={{ api, kind: 'http' }} />);
  return api;
};

describe('关于/状态 page', () => {
  it('shows version, run mode, data directory and each data file from the backend', async () => {
    renderAbout();
    expect(await screen.findByText('0.1.0')).toBeInTheDocument();
    expect(screen.getByText('浏览器模式（本机）')).toBeInTheDocument();
    expect(screen.getByText('/home/steward/.call-coach')).toBeInTheDocument();
    expect(screen.getByText('全部数据文件正常')).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /settings\.json/ });
    expect(within(row).getByText('本机设置')).toBeInTheDocument();
    expect(within(row).getByText('正常')).toBeInTheDocument();
    expect(within(row).getByText('120 B')).toBeInTheDocument();
  });

  it('shows a skeleton while loading', () => {
    const api = fakeApi();
    api['app.status'].mockImplementation(() => new Promise(() => undefined));
    const { container } = render(<App connection={{ api, kind: 'http' }} />);
    expect(container.querySelector('.ant-skeleton')).not.toBeNull();
  });

  it('names the broken file and the reason', async () => {
    const message = '数据文件 settings.json 已损坏，无法读取（第 3 行第 5 列附近）。文件未被改动。';
    renderAbout(
      fakeApi(
        statusFixture({
          storage: {
            healthy: false,
            missing: [],
            files: [{ id: 'settings', label: '本机设置', fileName: 'settings.json', schemaVersion: 1, state: 'error', sizeBytes: 10, modifiedAt: null, error: message }],
          },
        }),
      ),
    );
    expect(await screen.findByText(/1 个数据文件异常/)).toBeInTheDocument();
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.getByText('异常')).toBeInTheDocument();
  });

  it('offers a retry when the backend cannot be reached', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api['app.status'].mockRejectedValueOnce(new ApiError({ code: 'INTERNAL', message: '无法连接到 Call Coach 服务，请确认程序仍在运行后重试。' }));
    renderAbout(api);
    expect(await screen.findByText(/无法连接到 Call Coach 服务/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('0.1.0')).toBeInTheDocument();
  });

  it('saves the steward’s settings and shows the backend’s validation errors at the field', async () => {
    const user = userEvent.setup();
    const api = renderAbout();
    const name = await screen.findByLabelText('管家姓名');
    await user.clear(name);
    await user.type(name, '王敏');
    await user.clear(screen.getByLabelText('物业公司名称'));
    await user.type(screen.getByLabelText('物业公司名称'), '安居物业');
    await user.click(screen.getByRole('button', { name: /保存设置/ }));
    await waitFor(() => expect(api['settings.update']).toHaveBeenCalledWith({ stewardName: '王敏', companyName: '安居物业' }));
    expect(await screen.findByText('设置已保存')).toBeInTheDocument();

    api['settings.update'].mockRejectedValueOnce(
      new ApiError({ code: 'VALIDATION', message: '请求内容有误：stewardName：不能包含数字', issues: [{ path: 'stewardName', message: '不能包含数字' }] }),
    );
    await user.clear(name);
    await user.type(name, '王1');
    await user.click(screen.getByRole('button', { name: /保存设置/ }));
    expect(await screen.findByText('不能包含数字')).toBeInTheDocument();
  });
});
