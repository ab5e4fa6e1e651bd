import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Button, Flex, Progress, Typography } from 'antd';
import { CloseOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { FieldDefinition } from '../../../../shared/ledger-definition.js';
import { EVIDENCE_MAX_MB, EVIDENCE_PATH } from '../../../../shared/attachment-api.js';
import { call, errorMessage } from '../../api.js';
import { saveFromUrl } from '../export/saveFromUrl.js';
import { EvidenceTile } from './EvidenceTile.js';
import { announceEvidenceChange, inDesktopApp, uploadEvidence, type Attachment } from './evidenceTransfer.js';
import './evidence.css';

interface Props {
  /** The saved record the files belong to; null while the record is new. */
  recordId: number | null;
  field: FieldDefinition;
}

/** A file on its way, or one that could not be attached (with the reason). */
interface Pending {
  key: number;
  name: string;
  progress: number;
  problem?: string;
}

let nextKey = 1;

/**
 * The files on one `attachments` field of a saved record. Each file is stored as soon as it is
 * added (and removed as soon as removal is confirmed), both audited; saving the form is not needed.
 */
export function EvidenceField({ recordId, field }: Props) {
  if (recordId === null) {
    return <Typography.Text type="secondary">保存记录后可添加附件</Typography.Text>;
  }
  return <SavedRecordEvidence recordId={recordId} field={field} />;
}

function SavedRecordEvidence({ recordId, field }: { recordId: number; field: FieldDefinition }) {
  const [files, setFiles] = useState<Attachment[] | null>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [problem, setProblem] = useState<string>();
  const [removing, setRemoving] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const desktop = inDesktopApp();

  useEffect(() => {
    let gone = false;
    call('attachments.list', { recordId }).then(
      (list) => !gone && setFiles(list.filter((a) => a.field === field.key)),
      (error: unknown) => !gone && setProblem(`附件列表读取失败：${errorMessage(error)}`),
    );
    return () => {
      gone = true;
    };
  }, [recordId, field.key]);

  const added = (attachment: Attachment) => {
    setFiles((list) => [...(list ?? []), attachment]);
    announceEvidenceChange(recordId);
  };
  const update = (key: number, change: Partial<Pending>) =>
    setPending((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  // One after another: two cores and a USB disk are better served by one stream at a time.
  const upload = async (picked: File[]) => {
    const queued = picked.map((file) => ({ file, key: nextKey++ }));
    setPending((list) => [...list, ...queued.map(({ file, key }) => ({ key, name: file.name, progress: 0 }))]);
    for (const { file, key } of queued) {
      try {
        added(await uploadEvidence(recordId, field.key, file, (fraction) => update(key, { progress: fraction })));
        setPending((list) => list.filter((p) => p.key !== key));
      } catch (error) {
        update(key, { problem: errorMessage(error) });
      }
    }
  };

  const pickInDesktop = async () => {
    setProblem(undefined);
    try {
      const outcome = await call('attachments.pick', { recordId, field: field.key });
      outcome.attached.forEach(added);
      setPending((list) => [
        ...list,
        ...outcome.failed.map((f) => ({ key: nextKey++, name: f.name, progress: 0, problem: f.message })),
      ]);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const open = async (attachment: Attachment) => {
    setProblem(undefined);
    try {
      if (desktop) await call('attachments.open', { id: attachment.id });
      else await saveFromUrl(`${EVIDENCE_PATH}${attachment.id}`, attachment.name);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const remove = async (attachment: Attachment) => {
    setProblem(undefined);
    setRemoving(attachment.id);
    try {
      await call('attachments.remove', { id: attachment.id });
      setFiles((list) => (list ?? []).filter((a) => a.id !== attachment.id));
      announceEvidenceChange(recordId);
    } catch (error) {
      setProblem(`移除“${attachment.name}”失败：${errorMessage(error)}`);
    } finally {
      setRemoving(null);
    }
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (desktop) {
      setProblem('桌面版请用“添加文件”选择要附上的文件');
      return;
    }
    const dropped = [...event.dataTransfer.files];
    if (dropped.length > 0) void upload(dropped);
  };

  return (
    <div
      role="group"
      aria-label={field.label}
      className={dragging ? 'evidence-field evidence-dragging' : 'evidence-field'}
      onDragOver={(event) => {
        if (![...event.dataTransfer.types].includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={drop}
    >
      {files && files.length > 0 && (
        <ul className="evidence-tiles">
          {files.map((a) => (
            <EvidenceTile
              key={a.id}
              attachment={a}
              removing={removing === a.id}
              onOpen={() => void open(a)}
              onRemove={() => void remove(a)}
            />
          ))}
        </ul>
      )}
      {pending.map((p) => (
        <Flex key={p.key} align="center" gap={8} className="evidence-pending">
          <Typography.Text ellipsis className="evidence-pending-name">
            {p.name}
          </Typography.Text>
          {p.problem ? (
            <>
              <Typography.Text type="danger" role="alert" className="evidence-pending-problem">
                {p.problem}
              </Typography.Text>
              <Button
                type="text"
                size="small"
                icon={<CloseOutlined />}
                aria-label={`关闭“${p.name}”的提示`}
                onClick={() => setPending((list) => list.filter((q) => q.key !== p.key))}
              />
            </>
          ) : (
            <Progress
              percent={Math.floor(p.progress * 100)}
              size="small"
              className="evidence-progress"
              aria-label={`正在上传“${p.name}”`}
            />
          )}
        </Flex>
      ))}
      {problem && (
        <Typography.Text type="danger" role="alert" className="evidence-problem">
          {problem}
        </Typography.Text>
      )}
      <Flex align="center" gap={12} wrap>
        <input
          ref={input}
          type="file"
          multiple
          aria-label={`添加文件到${field.label}`}
          className="evidence-input"
          onChange={(event) => {
            const picked = [...(event.target.files ?? [])];
            // Picking the same file again must fire a change too.
            event.target.value = '';
            if (picked.length > 0) void upload(picked);
          }}
        />
        <Button
          icon={<PaperClipOutlined aria-hidden />}
          disabled={files === null}
          onClick={() => (desktop ? void pickInDesktop() : input.current?.click())}
        >
          添加文件
        </Button>
        <Typography.Text type="secondary">
          {desktop ? '' : '也可把文件拖到这里；'}照片、扫描件、PDF、Word/Excel，每个不超过 {EVIDENCE_MAX_MB} MB
        </Typography.Text>
        {files?.length === 0 && pending.length === 0 && (
          <Typography.Text type="secondary">（还没有附件）</Typography.Text>
        )}
      </Flex>
    </div>
  );
}
