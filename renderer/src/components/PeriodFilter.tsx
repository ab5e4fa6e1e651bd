import { useState } from 'react';
import { Input, Typography } from 'antd';
import { parsePeriod, PERIOD_HELP } from '../../../shared/period.js';

interface Props {
  value: string | undefined;
  onChange(period: string | undefined): void;
  /** A period typed that cannot be read, or undefined once it is cleared or fixed. */
  onProblem?(problem: string | undefined): void;
}

/**
 * A period typed the way the CLI and API take it (2019, 2019-04, 2019H1, 2018-2019S2 …).
 * Applied on Enter or leaving the box; text that is not a period says why, and the page shows no
 * rows until it is fixed rather than rows of another period under the message. A period the page
 * sets (a default found late, a link) shows in the box, unless the user is in the box: what the user
 * typed, or is about to type, is never replaced under the cursor.
 */
export function PeriodFilter({ value, onChange, onProblem }: Props) {
  const [text, setText] = useState(value ?? '');
  /** Typed and not yet applied. */
  const [typing, setTyping] = useState(false);
  const [focused, setFocused] = useState(false);
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (!typing && !focused) setText(value ?? '');
  }
  const [problem, setShownProblem] = useState<string>();
  const setProblem = (next: string | undefined) => {
    setShownProblem(next);
    onProblem?.(next);
  };
  const parsed = value ? parsePeriod(value) : null;

  const apply = (raw: string) => {
    const trimmed = raw.trim();
    if (!trimmed) {
      setTyping(false);
      setProblem(undefined);
      if (value !== undefined) onChange(undefined);
      return;
    }
    const period = parsePeriod(trimmed);
    if (!period) {
      setProblem(`无法识别的期间“${trimmed}”。${PERIOD_HELP}`);
      return;
    }
    setTyping(false);
    setProblem(undefined);
    if (period.code !== value) onChange(period.code);
  };

  return (
    <>
      <Input
        aria-label="期间"
        className="period-filter"
        value={text}
        allowClear
        status={problem ? 'error' : undefined}
        placeholder="期间：2019、2019H1、2018-2019S2"
        onChange={(e) => {
          setText(e.target.value);
          setTyping(true);
          if (!e.target.value) apply('');
        }}
        onPressEnter={() => apply(text)}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          // Left without typing: the box shows the page's period again, which may have changed meanwhile.
          if (typing) apply(text);
          else setText(value ?? '');
        }}
      />
      {problem ? (
        <Typography.Text type="danger" role="alert" className="filter-note">
          {problem}
        </Typography.Text>
      ) : (
        parsed && (
          <Typography.Text type="secondary" className="filter-note">
            {parsed.label}：{parsed.from} 至 {parsed.to}
          </Typography.Text>
        )
      )}
    </>
  );
}
