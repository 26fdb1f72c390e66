import { Typography } from 'antd';
import { useMemo } from 'react';
import { lintScript, type CustomLintTerm } from '../../../../scripts-library/lint';

/**
 * The compliance lint on the call's notes, as a reminder, never a block: the notes are the record of what was said
 * (an owner's words may be harsh), but a steward who writes 已告知再不交就停水 has recorded a threat the law forbids.
 * Full phone or ID numbers are masked by the backend when the call is saved.
 */
export function NoteCheck({ notes, customTerms }: { notes: string; customTerms?: readonly CustomLintTerm[] | undefined }) {
  const findings = useMemo(() => (notes.trim() ? lintScript(notes, { customTerms }).filter((finding) => finding.severity === 'error' && finding.rule !== 'unknown-variable') : []), [notes, customTerms]);
  if (findings.length === 0) return null;
  const numbers = findings.some((finding) => finding.rule === 'personal-number');
  const said = findings.filter((finding) => finding.rule !== 'personal-number');
  return (
    <Typography.Paragraph type="warning" style={{ margin: '4px 0 0' }} aria-label="备注合规提醒">
      {said.length > 0 && `合规提醒：备注里有「${said.map((finding) => finding.phrase).join('」「')}」。如实记下业主的原话可以；这类话管家不能对业主说。`}
      {numbers && '备注里的完整号码保存时会自动打码。'}
    </Typography.Paragraph>
  );
}
