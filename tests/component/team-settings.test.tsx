/** 团队设置: the lead's settings round-trip through the form — the 托管 share and the lint's own words among them. */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { defaultTeamSettings, type TeamSettings } from '../../domain/follow-up-rules';
import type { InputOf } from '../../electron/contract';
import { ApiProvider } from '../../renderer/src/api/api-context';
import { TeamSettingsDrawer } from '../../renderer/src/pages/today/TeamSettingsDrawer';
import { fakeApi } from './support/fake-api';

function renderDrawer(settings: TeamSettings) {
  const api = { ...fakeApi(), 'teamSettings.get': vi.fn(async () => settings), 'teamSettings.update': vi.fn(async (input: InputOf<'teamSettings.update'>) => ({ ...input, stewards: input.stewards.map((entry, n) => ({ id: entry.id ?? `steward-new-${n}`, name: entry.name })) })) };
  const onSaved = vi.fn();
  render(
    <AntApp>
      <ApiProvider api={api}>
        <TeamSettingsDrawer onClose={vi.fn()} onSaved={onSaved} />
      </ApiProvider>
    </AntApp>,
  );
  return { api, onSaved };
}

describe('TeamSettingsDrawer', () => {
  it('keeps the lead’s lint words by category, adds one with Enter, and saves them with the 托管 share', async () => {
    const user = userEvent.setup();
    const { api, onSaved } = renderDrawer({ ...defaultTeamSettings, lintTerms: [{ category: 'publicise', term: '红黑榜' }] });
    expect(await screen.findByLabelText('托管收费比例')).toHaveValue('70');
    expect(screen.getByText('红黑榜')).toBeInTheDocument();
    const insults = screen.getByLabelText('合规检查词：侮辱或挖苦用语');
    await user.type(insults, '土豆户{Enter}');
    const share = screen.getByLabelText('托管收费比例');
    await user.clear(share);
    await user.type(share, '80');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api['teamSettings.update']).toHaveBeenCalledWith(
      expect.objectContaining({
        custodyPercent: 80,
        lintTerms: [
          { category: 'publicise', term: '红黑榜' },
          { category: 'insult', term: '土豆户' },
        ],
      }),
    );
  });

  it('saves the roster by id: names already on it keep theirs, a new name goes without one', async () => {
    const user = userEvent.setup();
    const { api, onSaved } = renderDrawer({ ...defaultTeamSettings, stewards: [{ id: 'steward-1', name: '李娜' }] });
    expect(await screen.findByText('李娜')).toBeInTheDocument();
    await user.type(screen.getByLabelText('管家名单'), '赵静{Enter}');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api['teamSettings.update']).toHaveBeenCalledWith(expect.objectContaining({ stewards: [{ id: 'steward-1', name: '李娜' }, { name: '赵静' }] }));
  });
});
