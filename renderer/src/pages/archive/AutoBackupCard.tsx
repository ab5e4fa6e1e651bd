import { useState } from 'react';
import { Alert, Card, Flex, Input, Switch, Typography } from 'antd';
import type { ApiOutput } from '../../../../shared/api.js';
import { call, errorMessage } from '../../api.js';
import { backupTime } from './backupTime.js';

type Auto = ApiOutput<'archive.setAuto'>;

/** 自动备份: a folder and a switch; backups then happen daily and on quit, rotated. */
export function AutoBackupCard({ auto, onChange }: { auto: Auto; onChange(): void }) {
  const [folder, setFolder] = useState(auto.folder ?? '');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();

  const turn = async (on: boolean) => {
    setSaving(true);
    setProblem(undefined);
    try {
      await call('archive.setAuto', { folder: on ? folder : null });
      onChange();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title="自动备份">
      <Typography.Paragraph type="secondary">
        开启后每天备份一次（每小时检查当天是否已有备份），退出程序时再备份一次。文件夹中保留最近 7 天、4 周、12
        个月各自最新的备份，更早的自动删除（只删除本程序生成的本单位备份）。自动备份不加密，请选择安全的位置。
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        <Input
          aria-label="自动备份文件夹"
          placeholder="如 D:\台账自动备份"
          value={folder}
          disabled={auto.on || saving}
          onChange={(event) => setFolder(event.target.value)}
        />
        <Flex gap={8} align="center">
          <Switch
            aria-label="自动备份开关"
            checked={auto.on}
            loading={saving}
            disabled={!auto.on && folder.trim() === ''}
            onChange={(on) => void turn(on)}
          />
          <Typography.Text>{auto.on ? `已开启：备份到 ${auto.folder}` : '未开启'}</Typography.Text>
        </Flex>
        {problem && <Alert type="error" showIcon title="无法开启自动备份" description={problem} />}
        {auto.on && auto.problem && (
          <Alert
            type="warning"
            showIcon
            title={`自动备份失败（${backupTime(auto.problem.at)}），下个小时会再试`}
            description={auto.problem.message}
          />
        )}
      </Flex>
    </Card>
  );
}
