import { Alert, Space } from 'antd';
import type { LintFinding } from '../../../../scripts-library/lint';

/** The compliance lint's findings for a text, errors first: what phrase, why (the law), and how to say it instead. */
export function LintFindings({ findings }: { findings: LintFinding[] }) {
  if (findings.length === 0) return <Alert type="success" showIcon title="合规检查通过" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4} role="list" aria-label="合规检查">
      {findings.map((finding) => (
        <Alert
          key={`${finding.rule}-${finding.index}`}
          role="listitem"
          type={finding.severity === 'error' ? 'error' : 'warning'}
          showIcon
          title={`${finding.severity === 'error' ? '不能保存' : '请再确认'}：「${finding.phrase}」`}
          description={
            <>
              <div>{finding.message}</div>
              <div>可以这样说：{finding.advice}</div>
            </>
          }
        />
      ))}
    </Space>
  );
}
