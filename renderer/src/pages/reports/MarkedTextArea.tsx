import { useRef, type ComponentProps, type ReactNode } from 'react';
import { Input } from 'antd';

type Props = Omit<ComponentProps<typeof Input.TextArea>, 'value'> & { value: string };

const MARKS = /(\{\{[^{}]*\}\}|\[\[|\]\])/;

/** The text with its {{figures}} and [[ ]] marks wrapped, to be drawn under the same text. */
function marked(text: string): ReactNode[] {
  return text.split(MARKS).map((part, i) => {
    if (i % 2 === 0) return part;
    return (
      <mark key={i} className={part.startsWith('{{') ? 'report-mark-figure' : 'report-mark-optional'}>
        {part}
      </mark>
    );
  });
}

/**
 * A text area whose live figures ({{…}}) show on a gold ground and whose optional brackets ([[ ]])
 * are greyed, as a layer drawn exactly under the text the user types.
 */
export function MarkedTextArea({ value, onScroll, ...props }: Props) {
  const backdrop = useRef<HTMLDivElement>(null);
  return (
    <div className="report-marked">
      <div ref={backdrop} className="report-marked-backdrop" aria-hidden>
        {marked(value)}
        {/* A trailing newline needs a character after it to take up its line. */}
        {'\u200b'}
      </div>
      <Input.TextArea
        {...props}
        value={value}
        onScroll={(event) => {
          if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
          onScroll?.(event);
        }}
      />
    </div>
  );
}
