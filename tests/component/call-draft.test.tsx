/** The call in progress survives leaving it: what was typed last is saved as a draft the call can resume from. */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultLibrary } from '../../scripts-library/default-library';
import { App } from '../../renderer/src/App';
import { resetStatusStore, useStatusStore } from '../../renderer/src/stores/status-store';
import { callStartFixture, fakeApi, statusFixture } from './support/fake-api';

const ID = '观山水|8-2-1203';

beforeEach(() => {
  resetStatusStore();
  useStatusStore.setState({ status: statusFixture() });
  window.location.hash = `#/call/${encodeURIComponent(ID)}?start=1`;
});

describe('the call draft', () => {
  it('leaving the call while typing saves the note with a running machine, not a stopped one', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api['scripts.list'].mockResolvedValue({ entries: defaultLibrary('2026-11-26T09:00:00+08:00').entries });
    api['calls.start'].mockResolvedValue(callStartFixture());
    render(<App connection={{ api, kind: 'http' }} />);
    await screen.findByText('拨号中');
    await user.keyboard('ao');
    await waitFor(() => expect(screen.getByLabelText('当前步骤')).toHaveTextContent('告知欠费'));
    await user.type(screen.getByLabelText('通话备注'), '晚上再打');
    // Straight away, before the typing pause: another page. (The save on leaving runs before useMachine stops the actor.)
    await user.click(screen.getByRole('link', { name: '今日跟进' }));
    const drafts = () => api['calls.saveDraft'].mock.calls as unknown as [{ snapshot: { status: string } }][];
    await waitFor(() => expect(JSON.stringify(drafts().at(-1)?.[0])).toContain('晚上再打'));
    expect(drafts().at(-1)![0].snapshot.status).toBe('active');
  });
});
