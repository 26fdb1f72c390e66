import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { resetStatusStore } from '../../renderer/src/stores/status-store';
import { fakeApi, statusFixture } from './support/fake-api';

beforeEach(() => {
  resetStatusStore();
  localStorage.clear();
  window.location.hash = '';
});

function renderApp(api = fakeApi()) {
  render(<App connection={{ api, kind: 'http' }} />);
  return api;
}

describe('app shell', () => {
  it('offers the six areas in Chinese and opens 今日跟进 first', async () => {
    renderApp();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    const labels = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(labels).toEqual(['今日跟进', '业主欠费', '通话', '话术库', '报表', '关于/状态']);
    expect(await screen.findByText('今天没有要跟进的，辛苦了')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/today');
  });

  it('shows an honest 即将推出 page for areas not built yet', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('link', { name: '报表' }));
    expect(await screen.findByText(/收缴率、承诺兑现率/)).toBeInTheDocument();
  });

  it('jumps between areas with Alt+number', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.keyboard('{Alt>}3{/Alt}');
    expect(window.location.hash).toBe('#/call');
    expect(await screen.findByText(/在“业主欠费”里打开一户/)).toBeInTheDocument();
    await user.keyboard('{Alt>}6{/Alt}');
    expect(await screen.findByText('数据存储')).toBeInTheDocument();
  });

  it('flags broken storage in the header, linking to the status page', async () => {
    const broken = statusFixture({
      storage: {
        healthy: false,
        missing: [],
        files: [{ id: 'settings', label: '本机设置', fileName: 'settings.json', schemaVersion: 1, state: 'error', sizeBytes: 10, modifiedAt: null, error: '数据文件 settings.json 已损坏' }],
      },
    });
    renderApp(fakeApi(broken));
    const tag = await screen.findByText('数据文件异常');
    expect(tag.closest('a')).toHaveAttribute('href', '#/about');
  });

  it('explains a missing token instead of showing the app', () => {
    render(<App connection={{ api: null, problem: 'missing-token' }} />);
    expect(screen.getByText('缺少访问令牌')).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });
});
