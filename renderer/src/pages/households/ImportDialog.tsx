import { Button, Modal, Result, Steps } from 'antd';
import { formatYuan } from '../../money';
import { ImportChooseStep } from './import/ImportChooseStep';
import { ImportPreviewView } from './import/ImportPreview';
import { ImportProgress } from './import/ImportProgress';
import { useImportFlow } from './import/use-import-flow';
import { useSavedMappings } from './import/use-saved-mappings';

const stepIndex = { choose: 0, uploading: 1, running: 1, preview: 1, done: 2 } as const;

/** 导入台账: choose a file, check the preview (mapping, row errors, what will change), then commit all or nothing. */
export function ImportDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const flow = useImportFlow({ onImported });
  const mappings = useSavedMappings();
  const { stage, choice } = flow;

  return (
    <Modal open title="导入台账" width={1000} footer={null} onCancel={onClose} destroyOnHidden maskClosable={false}>
      <Steps size="small" current={stepIndex[stage.step]} items={[{ title: '选择文件' }, { title: '检查预览' }, { title: '完成' }]} style={{ marginBottom: 16 }} />

      {stage.step === 'choose' && (
        <ImportChooseStep
          file={choice.file}
          onChoose={choice.choose}
          failure={flow.failure}
          onRetry={(failure) => void flow.start(failure.override)}
          community={choice.community}
          onCommunityChange={choice.typeCommunity}
          saved={mappings.saved}
          mappingName={choice.mappingName}
          onMappingNameChange={choice.setMappingName}
          scope={choice.scope}
          onScopeChange={choice.setScope}
          onNext={() => void flow.start(null)}
        />
      )}

      {stage.step === 'uploading' && <ImportProgress doing="上传文件" percent={stage.percent} />}

      {stage.step === 'running' && <ImportProgress doing={stage.phase} percent={stage.percent} />}

      {stage.step === 'preview' && (
        <ImportPreviewView
          preview={stage.preview}
          community={stage.community}
          mapping={flow.mapping ?? {}}
          onMappingChange={flow.setMapping}
          onReanalyse={() => void flow.start(flow.mapping)}
          saveName={mappings.newName}
          onSaveNameChange={mappings.setNewName}
          onSaveMapping={() => void mappings.save(flow.mapping)}
          skipErrors={flow.skipErrors}
          onSkipErrorsChange={flow.setSkipErrors}
          committing={flow.committing}
          onCommit={() => void flow.commit(stage.jobId)}
          onBack={flow.back}
        />
      )}

      {stage.step === 'done' && (
        <Result
          status="success"
          title="导入完成"
          subTitle={`${stage.entry.fileName}：新增 ${stage.entry.stats.newHouseholds} 户、更新 ${stage.entry.stats.updatedHouseholds} 户，新增明细 ${stage.entry.stats.newItems} 条，推算缴费 ${stage.entry.stats.payments} 笔（${formatYuan(stage.entry.stats.paymentsFen)}）。`}
          extra={
            <Button type="primary" onClick={onClose}>
              完成
            </Button>
          }
        />
      )}
    </Modal>
  );
}
