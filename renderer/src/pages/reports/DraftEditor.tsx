import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Button, Dropdown, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { FigureView, ReportBlock, ReportContent } from '../../../../shared/report-draft.js';
import { BlockEditor, type BlockActions } from './BlockEditor.js';
import type { EditorMode } from './editorMode.js';
import { DraftHead } from './DraftHead.js';
import { DraftClosing } from './DraftClosing.js';
import './draft-editor.css';
import type { FigureOption } from './figureOptions.js';

interface Props {
  content: ReportContent;
  mode: EditorMode;
  onMode(mode: EditorMode): void;
  figures: FigureOption[];
  /** The period's figures by key, with their values now. */
  values: ReadonlyMap<string, FigureView>;
  ledgers: Array<{ key: string; label: string }>;
  onEdit(change: (content: ReportContent) => ReportContent): void;
  onShowFigure(key: string): void;
  /** The text of the block just edited, for the preview to show where it lands. */
  onEditedText(text: string): void;
}

let counter = 0;
const newId = () => `u${Date.now().toString(36)}${(counter++).toString(36)}`;

const NEW_BLOCKS: Record<string, () => ReportBlock> = {
  heading: () => ({ id: newId(), type: 'heading', level: 1, text: '' }),
  paragraph: () => ({ id: newId(), type: 'paragraph', text: '' }),
  'figure-table': () => ({ id: newId(), type: 'figure-table', title: '主要工作数据', figures: ['aid.students'] }),
  'target-table': () => ({ id: newId(), type: 'target-table', title: '目标任务完成情况表' }),
  'activity-list': () => ({ id: newId(), type: 'activity-list', detail: 'none' }),
};

const ADD_ITEMS = [
  { key: 'paragraph', label: '段落' },
  { key: 'heading', label: '标题' },
  { key: 'figure-table', label: '数据表' },
  { key: 'target-table', label: '目标完成情况表' },
  { key: 'activity-list', label: '活动列表' },
];

/** The draft as the user edits it: title, 主送, blocks in order, signature and 附件. */
export function DraftEditor({
  content,
  mode,
  onMode,
  figures,
  values,
  ledgers,
  onEdit,
  onShowFigure,
  onEditedText,
}: Props) {
  /** The paragraph that takes the cursor after Enter split or Backspace joined paragraphs, and where. */
  const [caret, setCaret] = useState<{ id: string; at: number }>();
  const blocksNow = useRef(content.blocks);
  useLayoutEffect(() => {
    blocksNow.current = content.blocks;
  });
  const add = (type: string) => onEdit((c) => ({ ...c, blocks: [...c.blocks, NEW_BLOCKS[type]!()] }));
  const actions = useMemo<BlockActions>(() => {
    const setBlocks = (change: (blocks: ReportBlock[]) => ReportBlock[]) =>
      onEdit((c) => ({ ...c, blocks: change(c.blocks) }));
    return {
      change(block) {
        if (block.type === 'paragraph' || block.type === 'heading') onEditedText(block.text);
        setBlocks((blocks) => blocks.map((b) => (b.id === block.id ? block : b)));
      },
      move(id, step) {
        setBlocks((blocks) => {
          const index = blocks.findIndex((b) => b.id === id);
          const next = [...blocks];
          const [moved] = next.splice(index, 1);
          next.splice(index + step, 0, moved!);
          return next;
        });
      },
      remove(id) {
        setBlocks((blocks) => blocks.filter((b) => b.id !== id));
      },
      split(id, before, after) {
        const added: ReportBlock = { id: newId(), type: 'paragraph', text: after };
        setCaret({ id: added.id, at: 0 });
        setBlocks((blocks) =>
          blocks.flatMap((b) => (b.id === id && b.type === 'paragraph' ? [{ ...b, text: before }, added] : [b])),
        );
      },
      joinBack(id) {
        const index = blocksNow.current.findIndex((b) => b.id === id);
        const previous = blocksNow.current[index - 1];
        if (previous?.type !== 'paragraph') return;
        setCaret({ id: previous.id, at: previous.text.length });
        setBlocks((blocks) => {
          const joined = blocks.find((b) => b.id === id);
          if (joined?.type !== 'paragraph') return blocks;
          return blocks
            .filter((b) => b.id !== id)
            .map((b) => (b.id === previous.id && b.type === 'paragraph' ? { ...b, text: b.text + joined.text } : b));
        });
      },
      showFigure: onShowFigure,
    };
  }, [onEdit, onEditedText, onShowFigure]);

  return (
    // No form around the blocks: its context, new on every render, would send each keystroke
    // through every block's fields. The head and the closing hold their own.
    <div className="report-editor">
      <DraftHead
        mode={mode}
        onMode={onMode}
        title={content.title}
        addressee={content.addressee}
        values={values}
        onEdit={onEdit}
        onShowFigure={onShowFigure}
      />
      <Flex vertical gap={8}>
        {content.blocks.map((block, i) => (
          <BlockEditor
            key={block.id}
            block={block}
            mode={mode}
            figures={figures}
            values={values}
            first={i === 0}
            last={i === content.blocks.length - 1}
            caret={caret?.id === block.id ? caret : undefined}
            actions={actions}
          />
        ))}
        <Dropdown menu={{ items: ADD_ITEMS, onClick: ({ key }) => add(key) }}>
          <Button icon={<PlusOutlined />}>添加</Button>
        </Dropdown>
      </Flex>
      <DraftClosing
        signatureUnit={content.signatureUnit}
        signatureDate={content.signatureDate}
        sealed={content.sealed}
        attachments={content.attachments}
        ledgers={ledgers}
        onEdit={onEdit}
      />
    </div>
  );
}
