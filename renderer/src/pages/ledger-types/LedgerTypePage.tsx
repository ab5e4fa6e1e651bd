import { Button, Flex, Result, Skeleton } from 'antd';
import { ApiError } from '../../api.js';
import { useApi } from '../../hooks/useApi.js';
import { hrefOf } from '../../routes.js';
import { LoadProblem } from '../../components/LoadProblem.js';
import { BuiltinTypeView } from './BuiltinTypeView.js';
import { TypeHeading } from './TypeHeading.js';
import { EditLedgerType } from './EditLedgerType.js';
import './ledger-types.css';

/** #/ledger-types/<key>: a built-in type read-only with 复制为新台账, a user type in the editor. */
export function LedgerTypePage({ typeKey }: { typeKey: string }) {
  const definition = useApi('ledgers.get', { key: typeKey });
  const summaries = useApi('ledgers.list', {});
  const error = definition.error ?? summaries.error;
  if (error) {
    if (error instanceof ApiError && error.code === 'not-found') {
      return (
        <Result
          status="404"
          title="台账类型不存在"
          subTitle={error.message}
          extra={
            <Button type="primary" href={hrefOf({ name: 'ledgers' })}>
              返回台账目录
            </Button>
          }
        />
      );
    }
    const retry = () => {
      definition.reload();
      summaries.reload();
    };
    return <LoadProblem what={`打开台账类型“${typeKey}”`} error={error} onRetry={retry} />;
  }
  if (!definition.data || !summaries.data) return <Skeleton active />;
  const builtin = summaries.data.find((s) => s.key === typeKey)?.builtin ?? false;
  return (
    <Flex vertical gap={12} className="type-editor-page">
      {builtin ? (
        <>
          <TypeHeading definition={definition.data} builtin />
          <BuiltinTypeView definition={definition.data} />
        </>
      ) : (
        <EditLedgerType saved={definition.data} />
      )}
    </Flex>
  );
}
