import { useRef, useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { errorMessage } from '../api.js';
import { formatSize, readXlsx, type PickedXlsx } from './xlsxFiles.js';
import './XlsxFilePicker.css';

interface Props {
  /** The button's words, e.g. 选择 Excel 文件. */
  label: string;
  maxBytes: number;
  /** The file last picked, to show its name beside the button. */
  picked: PickedXlsx | null;
  disabled?: boolean;
  onPick(file: PickedXlsx): void;
  onProblem(message: string): void;
}

/** A button that opens the system file chooser for one .xlsx and reads it in the page. */
export function XlsxFilePicker({ label, maxBytes, picked, disabled, onPick, onProblem }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState(false);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    try {
      onPick(await readXlsx(file, maxBytes));
    } catch (error) {
      onProblem(errorMessage(error));
    } finally {
      setReading(false);
      // Picking the same file again (after fixing it in Excel) must fire a change too.
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Flex align="center" gap={12} wrap>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={label}
        className="xlsx-file-input"
        onChange={(e) => void choose(e.target.files?.[0])}
      />
      <Button
        icon={<FileExcelOutlined aria-hidden />}
        loading={reading}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {picked ? '换一个文件' : label}
      </Button>
      {picked ? (
        <Typography.Text data-testid="picked-file">
          {picked.name}
          <Typography.Text type="secondary">（{formatSize(picked.size)}）</Typography.Text>
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">只接受 .xlsx，不超过 {formatSize(maxBytes)}</Typography.Text>
      )}
    </Flex>
  );
}
