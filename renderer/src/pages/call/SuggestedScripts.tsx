import { AutoComplete, Card, Empty, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { renderScript, type ScriptValues } from '../../../../scripts-library/render';
import { currentVersion, type ScriptEntry } from '../../../../scripts-library/schema';
import { ScriptSearch } from '../../../../scripts-library/search';
import type { StageId } from '../../../../scripts-library/stages';
import { suggestScripts, type SuggestFor } from '../../../../scripts-library/suggest';

/**
 * 建议话术: the scripts for this step that this call's facts allow, rendered for this household, the best first and
 * up to three alternatives; a script found by search is shown first until the call moves on.
 */
export function SuggestedScripts({
  scripts,
  stages,
  wanted,
  values,
  step,
}: {
  scripts: readonly ScriptEntry[];
  stages: readonly StageId[];
  wanted: SuggestFor;
  values: ScriptValues;
  /** The call's step: a searched script stays shown until it changes. */
  step: string;
}) {
  const [query, setQuery] = useState('');
  const [pickedAt, setPickedAt] = useState<{ id: string; step: string } | null>(null);
  const search = useMemo(() => new ScriptSearch(scripts.filter((entry) => !entry.archived)), [scripts]);
  const picked = pickedAt && pickedAt.step === step ? scripts.find((entry) => entry.id === pickedAt.id) : undefined;
  const suggestions = [...(picked ? [picked] : []), ...suggestScripts(scripts, stages, wanted, values).filter((entry) => entry.id !== picked?.id)];

  return (
    <Card
      size="small"
      title="建议话术"
      className="call-suggestions"
      extra={
        <AutoComplete
          aria-label="查找话术"
          size="small"
          style={{ width: 200 }}
          placeholder="查找话术（如 分期、zdsj）"
          value={query}
          onChange={setQuery}
          options={search.search(query, 8).map((hit) => ({ value: hit.id, label: currentVersion(scripts.find((entry) => entry.id === hit.id)!).title }))}
          onSelect={(id: string) => {
            setPickedAt({ id, step });
            setQuery('');
          }}
        />
      }
    >
      {suggestions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这一步不需要说什么" />
      ) : (
        <Tabs
          // A new best script (the step moved on, or the call established a fact) is shown at once.
          key={`${step}|${suggestions[0]!.id}`}
          size="small"
          items={suggestions.slice(0, 4).map((entry, index) => ({
            key: entry.id,
            label: entry === picked ? `查找：${currentVersion(entry).title}` : index === 0 ? currentVersion(entry).title : `备选：${currentVersion(entry).title}`,
            children: (
              <Typography.Paragraph className="suggestion" aria-label="建议的话">
                {renderScript(currentVersion(entry).text, values, currentVersion(entry).fallbacks).text}
              </Typography.Paragraph>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/** Whether the script shown first already reads back the promises (then the recap box would say it twice). */
export function firstSuggestionReadsBack(scripts: readonly ScriptEntry[], stages: readonly StageId[], wanted: SuggestFor, values: ScriptValues): boolean {
  const [first] = suggestScripts(scripts, stages, wanted, values);
  return !!first && /\{(约定安排|约定日期)\}/.test(currentVersion(first).text);
}
