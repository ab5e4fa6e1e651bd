import { useEffect, useState, type ReactNode } from 'react';
import { Button, Popconfirm, Typography } from 'antd';
import {
  AudioOutlined,
  FileExcelOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FilePptOutlined,
  FileTextOutlined,
  FileWordOutlined,
  FileZipOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { formatSize } from '../xlsxFiles.js';
import { fetchEvidence, hasThumbnail, inDesktopApp, type Attachment } from './evidenceTransfer.js';

function iconOf(mime: string): ReactNode {
  if (mime.startsWith('image/')) return <FileImageOutlined />;
  if (mime.startsWith('video/')) return <VideoCameraOutlined />;
  if (mime.startsWith('audio/')) return <AudioOutlined />;
  if (mime === 'application/pdf') return <FilePdfOutlined />;
  if (mime.includes('word')) return <FileWordOutlined />;
  if (mime.includes('excel') || mime.includes('spreadsheet')) return <FileExcelOutlined />;
  if (mime.includes('powerpoint') || mime.includes('presentation')) return <FilePptOutlined />;
  if (mime === 'application/zip') return <FileZipOutlined />;
  if (mime.startsWith('text/')) return <FileTextOutlined />;
  return <FileOutlined />;
}

/** An image drawn from its bytes, fetched with the session token; the type's icon until then or if it fails. */
function Preview({ attachment }: { attachment: Attachment }) {
  const [url, setUrl] = useState<string | null>(null);
  const wanted = hasThumbnail(attachment);
  useEffect(() => {
    if (!wanted) return;
    let gone = false;
    let made: string | null = null;
    fetchEvidence(attachment).then(
      (blob) => {
        if (gone) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      () => undefined,
    );
    return () => {
      gone = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [attachment, wanted]);
  if (url) return <img className="evidence-thumbnail" src={url} alt={attachment.name} />;
  return (
    <span className="evidence-icon" aria-hidden>
      {iconOf(attachment.mime)}
    </span>
  );
}

interface Props {
  attachment: Attachment;
  removing: boolean;
  onOpen(): void;
  onRemove(): void;
}

/** One stored file: its picture or icon, name and size; a click opens (desktop) or downloads it. */
export function EvidenceTile({ attachment, removing, onOpen, onRemove }: Props) {
  const verb = inDesktopApp() ? '打开' : '下载';
  return (
    <li className="evidence-tile" data-testid="evidence-tile">
      <button type="button" className="evidence-open" title={`${verb}“${attachment.name}”`} onClick={onOpen}>
        <Preview attachment={attachment} />
        <span className="evidence-name">{attachment.name}</span>
      </button>
      <div className="evidence-meta">
        <Typography.Text type="secondary">{formatSize(attachment.size)}</Typography.Text>
        <Popconfirm
          title="确定移除这个附件？移除会记入修改记录"
          okText="移除"
          cancelText="取消"
          okButtonProps={{ danger: true }}
          onConfirm={onRemove}
        >
          <Button type="link" size="small" danger loading={removing} aria-label={`删除“${attachment.name}”`}>
            删除
          </Button>
        </Popconfirm>
      </div>
    </li>
  );
}
