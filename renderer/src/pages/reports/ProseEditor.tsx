import {
  forwardRef,
  startTransition,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { FigureView } from '../../../../shared/report-draft.js';
import { parseDraftText, sentencesOf, type Piece } from './draftText.js';
import { figureValue, isTraceable } from './figureOptions.js';

export interface ProseEditorHandle {
  /** Puts a live figure where the cursor was last in this text (at its end if it never was). */
  insertFigure(key: string): void;
}

interface Props {
  text: string;
  values: ReadonlyMap<string, FigureView>;
  'aria-label': string;
  placeholder?: string;
  /** Enter starts a new line inside the text (a title) instead of a new paragraph. */
  lineBreaks?: boolean;
  /** Draws each sentence apart, so one the report leaves out (an empty figure in it) is greyed. */
  sentences?: boolean;
  /** Takes the cursor, at this offset of the stored text, each time a new object is given. */
  caret?: { at: number };
  className?: string;
  onChange(text: string): void;
  onShowFigure(key: string): void;
  /** Enter in a paragraph: the text before and after the cursor, for two paragraphs. */
  onSplit?(before: string, after: string): void;
  /** Backspace at the very start of a paragraph: join it to the one before. */
  onJoinBack?(): void;
}

function appendPieces(parent: Node, pieces: Piece[]): void {
  for (const piece of pieces) {
    if (piece.kind === 'text') parent.appendChild(document.createTextNode(piece.text));
    else if (piece.kind === 'figure') {
      const chip = document.createElement('span');
      chip.contentEditable = 'false';
      chip.dataset.figure = piece.key;
      parent.appendChild(chip);
    } else {
      const group = document.createElement('span');
      group.className = 'prose-optional';
      group.dataset.optional = '';
      appendPieces(group, piece.children);
      parent.appendChild(group);
    }
  }
}

function build(root: HTMLElement, text: string, sentences: boolean): void {
  const pieces = parseDraftText(text);
  const fragment = document.createDocumentFragment();
  if (!sentences) appendPieces(fragment, pieces);
  else {
    for (const sentence of sentencesOf(pieces)) {
      const span = document.createElement('span');
      span.className = 'prose-sentence';
      appendPieces(span, sentence);
      fragment.appendChild(span);
    }
  }
  root.replaceChildren(fragment);
}

/** The stored text of what the editor holds: chips and optional spans written back as their marks. */
function textOf(node: Node): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) text += (child as Text).data.replace(/\u200b/g, '');
    else if (child instanceof HTMLElement) {
      if (child.dataset.figure) text += `{{${child.dataset.figure}}}`;
      else if (child.dataset.optional !== undefined) text += `[[${textOf(child)}]]`;
      else if (child.tagName !== 'BR') text += textOf(child);
    }
  }
  return text;
}

/** Each chip shows its figure's value now, as printed; one with nothing this period says 无. */
function paintChips(root: HTMLElement, values: ReadonlyMap<string, FigureView>): void {
  for (const chip of root.querySelectorAll<HTMLElement>('[data-figure]')) {
    const figure = values.get(chip.dataset.figure ?? '');
    let kind = 'prose-chip';
    if (!figure) {
      chip.textContent = '未知数据项';
      chip.title = '没有这个数据项，可在“模板”中改正或删除';
      kind += ' prose-chip-unknown';
    } else if (figure.empty) {
      chip.textContent = '无';
      chip.title = `${figure.label}：本期没有数据，含它的句子不写入报告`;
      kind += ' prose-chip-empty';
    } else {
      chip.textContent = figure.text;
      if (isTraceable(figure)) {
        chip.title = `${figure.label}：${figureValue(figure)}，点击查看计入的记录`;
        kind += ' prose-chip-traceable';
      } else chip.title = `${figure.label}（按台账自动填写）`;
    }
    chip.className = kind;
  }
}

/** The place in the editor at an offset of its stored text (figures and marks count as written). */
function pointAt(root: HTMLElement, at: number): Range {
  const range = document.createRange();
  let left = at;
  const walk = (node: Node): boolean => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const length = (child as Text).data.length;
        if (left <= length) {
          range.setStart(child, Math.max(0, left));
          return true;
        }
        left -= length;
      } else if (child instanceof HTMLElement && child.dataset.figure) {
        if (left <= 0) {
          range.setStartBefore(child);
          return true;
        }
        left -= `{{${child.dataset.figure}}}`.length;
        if (left <= 0) {
          range.setStartAfter(child);
          return true;
        }
      } else if (child instanceof HTMLElement) {
        const marks = child.dataset.optional !== undefined ? 2 : 0;
        left -= marks;
        if (walk(child)) return true;
        left -= marks;
      }
    }
    return false;
  };
  if (!walk(root)) {
    range.selectNodeContents(root);
    range.collapse(false);
  }
  range.collapse(true);
  return range;
}

function rangeIn(root: HTMLElement): Range | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return root.contains(range.startContainer) && root.contains(range.endContainer) ? range : null;
}

function placeCaret(range: Range): void {
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/**
 * Prose as the report prints it, typed straight in: each live figure is a chip with its value now
 * (click: the records it counts), and the text around it is the user's. The browser owns the text
 * while the user types; React only redraws it when the text is changed from outside, so a
 * keystroke costs one read of this paragraph.
 */
export const ProseEditor = forwardRef<ProseEditorHandle, Props>(function ProseEditor(props, handle) {
  const { text, values, lineBreaks = false, sentences = false } = props;
  const root = useRef<HTMLDivElement>(null);
  /** The text the editor holds now, as last read from it or drawn into it. */
  const held = useRef<string | null>(null);
  /** Texts read from the editor and passed up, which may come back as props after newer ones. */
  const sent = useRef(new Set<string>());
  const lastRange = useRef<Range | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  useLayoutEffect(() => {
    const el = root.current!;
    if (held.current === text) {
      sent.current.clear();
      return;
    }
    // A text this editor sent up, arriving late behind newer typing: the editor already has better.
    if (sent.current.has(text)) return;
    sent.current.clear();
    build(el, text, sentences);
    held.current = text;
    lastRange.current = null;
    paintChips(el, latest.current.values);
  }, [text, sentences]);

  useLayoutEffect(() => paintChips(root.current!, values), [values]);

  // After the text is drawn (the effect above), so the offset is found in the new text.
  useLayoutEffect(() => {
    const el = root.current!;
    if (!props.caret) return;
    el.focus();
    placeCaret(pointAt(el, props.caret.at));
  }, [props.caret]);

  const read = () => {
    const el = root.current!;
    const now = textOf(el);
    // An emptied editor keeps a stray <br>, which would hide the placeholder.
    if (now === '' && el.childNodes.length > 0) el.replaceChildren();
    if (now === held.current) return;
    held.current = now;
    sent.current.add(now);
    // The browser has already drawn the character; the draft and the page around it follow in
    // slices between keystrokes instead of holding the next one up.
    const { onChange } = latest.current;
    startTransition(() => onChange(now));
  };

  const remember = () => {
    const range = root.current && rangeIn(root.current);
    if (range) lastRange.current = range.cloneRange();
  };

  const insertNode = (node: Node, range: Range) => {
    range.deleteContents();
    range.insertNode(node);
    const after = document.createRange();
    after.setStartAfter(node);
    after.collapse(true);
    placeCaret(after);
    lastRange.current = after.cloneRange();
  };

  useImperativeHandle(handle, () => ({
    insertFigure(key: string) {
      const el = root.current!;
      let range = lastRange.current;
      if (!range || !el.contains(range.startContainer)) {
        range = document.createRange();
        range.selectNodeContents(el);
        range.collapse(false);
      }
      const chip = document.createElement('span');
      chip.contentEditable = 'false';
      chip.dataset.figure = key;
      el.focus();
      insertNode(chip, range);
      paintChips(el, latest.current.values);
      read();
    },
  }));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.nativeEvent.isComposing) return;
    const el = root.current!;
    if (event.key === 'Backspace' && latest.current.onJoinBack) {
      const range = rangeIn(el);
      if (!range || !range.collapsed) return;
      const before = document.createRange();
      before.selectNodeContents(el);
      before.setEnd(range.startContainer, range.startOffset);
      if (textOf(before.cloneContents()) !== '') return;
      event.preventDefault();
      // The text is about to change from outside; none of the texts sent so far may stand for it.
      sent.current.clear();
      latest.current.onJoinBack();
      return;
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const range = rangeIn(el);
    if (!range) return;
    if (lineBreaks) {
      insertNode(document.createTextNode('\n'), range);
      read();
      return;
    }
    const split = latest.current.onSplit;
    if (!split) return;
    const before = document.createRange();
    before.selectNodeContents(el);
    before.setEnd(range.startContainer, range.startOffset);
    const after = document.createRange();
    after.selectNodeContents(el);
    after.setStart(range.endContainer, range.endOffset);
    sent.current.clear();
    split(textOf(before.cloneContents()), textOf(after.cloneContents()));
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    event.preventDefault();
    let pasted = event.clipboardData.getData('text/plain').replace(/\r\n?/g, '\n');
    if (!lineBreaks) pasted = pasted.replace(/\s*\n\s*/g, '');
    // insertText keeps the browser's undo history, which a hand-made insertion would break.
    document.execCommand('insertText', false, pasted);
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const chip = (event.target as Element).closest<HTMLElement>('[data-figure]');
    const key = chip?.dataset.figure;
    if (key && isTraceable(latest.current.values.get(key))) latest.current.onShowFigure(key);
    else remember();
  };

  return (
    <div
      ref={root}
      role="textbox"
      aria-multiline={lineBreaks || undefined}
      aria-label={props['aria-label']}
      aria-placeholder={props.placeholder}
      data-placeholder={props.placeholder}
      contentEditable="plaintext-only"
      suppressContentEditableWarning
      spellCheck={false}
      className={`prose-editor${props.className ? ` ${props.className}` : ''}`}
      onInput={(event) => {
        if (!(event.nativeEvent as InputEvent).isComposing) read();
        remember();
      }}
      onCompositionEnd={read}
      onKeyDown={onKeyDown}
      onKeyUp={remember}
      onMouseUp={remember}
      onBlur={remember}
      onPaste={onPaste}
      onDrop={(event) => event.preventDefault()}
      onClick={onClick}
    />
  );
});
