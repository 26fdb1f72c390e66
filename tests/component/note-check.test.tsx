/** The call notes' compliance reminder: shown for a recorded threat or a full number, never for plain notes. */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NoteCheck } from '../../renderer/src/pages/call/NoteCheck';

describe('NoteCheck', () => {
  it('says nothing for plain notes', () => {
    render(<NoteCheck notes="业主说月底发工资后转账，约好 12月5日 核对。" />);
    expect(screen.queryByLabelText('备注合规提醒')).toBeNull();
  });

  it('reminds the steward of a threat written into the notes, and of a full number that will be masked', () => {
    render(<NoteCheck notes="已告知业主再不交就停水。他的新号码 13812345678。" />);
    const reminder = screen.getByLabelText('备注合规提醒');
    expect(reminder).toHaveTextContent(/合规提醒：备注里有「.*停水.*」/);
    expect(reminder).toHaveTextContent('备注里的完整号码保存时会自动打码');
  });

  it('uses the lead’s own words', () => {
    render(<NoteCheck notes="跟他说了他就是个土豆户。" customTerms={[{ category: 'insult', term: '土豆户' }]} />);
    expect(screen.getByLabelText('备注合规提醒')).toHaveTextContent('土豆户');
  });
});
