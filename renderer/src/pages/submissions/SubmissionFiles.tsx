import { useState } from 'react';
import { Button, Flex, Typography, message } from 'antd';
import type { Submission } from '../../../../shared/submission-api.js';
import { call, errorMessage } from '../../api.js';
import { downloadBase64 } from '../../components/downloadBase64.js';
import { formatSize } from '../../components/xlsxFiles.js';

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
  zip: 'application/zip',
};

/** Where a submission's files are, and each of them to save again (a download in the browser). */
export function SubmissionFiles({ submission }: { submission: Submission }) {
  const [busy, setBusy] = useState<string>();
  const zipName = submission.zip ? (submission.zip.split(/[\\/]/).pop() ?? submission.zip) : null;
  const names = [...submission.files.map((f) => f.name), ...(submission.files.length ? ['manifest.json'] : [])];

  const save = async (name: string) => {
    setBusy(name);
    try {
      const file = await call('submissions.file', { id: submission.id, name });
      downloadBase64(file.base64, file.fileName, MIME[name.split('.').pop() ?? ''] ?? 'application/octet-stream');
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Flex vertical gap={6} className="submission-files">
      <Typography.Text type="secondary" copyable={{ text: submission.folder }} className="submission-path">
        文件夹：{submission.folder}
      </Typography.Text>
      {names.map((name) => {
        const size = submission.files.find((f) => f.name === name)?.size;
        return (
          <Flex key={name} gap={8} align="center">
            <Button size="small" type="link" loading={busy === name} onClick={() => void save(name)}>
              {name}
            </Button>
            {size !== undefined && <Typography.Text type="secondary">{formatSize(size)}</Typography.Text>}
          </Flex>
        );
      })}
      {zipName && (
        <Flex gap={8} align="center">
          <Button size="small" type="link" loading={busy === zipName} onClick={() => void save(zipName)}>
            {zipName}
          </Button>
          <Typography.Text type="secondary" copyable={{ text: submission.zip! }} className="submission-path">
            {submission.zip}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
