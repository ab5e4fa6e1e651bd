import { Checkbox, Flex, Select } from 'antd';

interface Props {
  choices: string[];
  extensible: boolean | undefined;
  invalid: boolean;
  onChange(choices: string[], extensible: boolean | undefined): void;
}

/** The choices of a 选项 field, typed one by one, and whether a record may hold a choice of its own. */
export function ChoicesEditor({ choices, extensible, invalid, onChange }: Props) {
  return (
    <Flex vertical gap={4}>
      <Select
        mode="tags"
        aria-label="选项"
        value={choices}
        status={invalid ? 'error' : undefined}
        placeholder="输入一个选项后按回车，可输入多个"
        tokenSeparators={[',', '，', '、']}
        open={false}
        suffixIcon={null}
        className="field-full"
        onChange={(next: string[]) =>
          onChange(
            [...new Set(next.map((c) => c.trim()).filter(Boolean))].map((c) => c.slice(0, 100)),
            extensible,
          )
        }
      />
      <Checkbox checked={extensible ?? false} onChange={(e) => onChange(choices, e.target.checked)}>
        录入时也可填写其他内容
      </Checkbox>
    </Flex>
  );
}
