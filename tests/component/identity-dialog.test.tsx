/** First start: the app asks who is calling before anything else, and does not ask again once it knows. */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { resetStatusStore } from '../../renderer/src/stores/status-store';
import { fakeApi, statusFixture } from './support/fake-api';

beforeEach(() => {
  resetStatusStore();
  window.location.hash = '#/today';
});

describe('the first-run identity dialog', () => {
  it('asks for the steward and company when no name is set, refuses an empty name, and saves', async () => {
    const user = userEvent.setup();
    const api = fakeApi(statusFixture(), { stewardName: '', companyName: '' });
    render(<App connection={{ api, kind: 'http' }} />);
    expect(await screen.findByText('欢迎使用催缴通话助手')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '开始使用' }));
    expect(await screen.findByText('请填写您的姓名')).toBeInTheDocument();
    expect(api['settings.update']).not.toHaveBeenCalled();
    await user.type(screen.getAllByLabelText('管家姓名').at(-1)!, '李娜');
    await user.type(screen.getAllByLabelText('物业公司名称').at(-1)!, '安居物业{Enter}');
    await waitFor(() => expect(api['settings.update']).toHaveBeenCalledWith({ stewardName: '李娜', companyName: '安居物业' }));
    await waitFor(() => expect(screen.queryByText('欢迎使用催缴通话助手')).not.toBeInTheDocument());
  });

  it('does not ask a desk that has a name', async () => {
    const api = fakeApi();
    render(<App connection={{ api, kind: 'http' }} />);
    await waitFor(() => expect(api['settings.get']).toHaveBeenCalled());
    expect(screen.queryByText('欢迎使用催缴通话助手')).not.toBeInTheDocument();
  });
});
